package org.bcistream.hardware.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticSubjectStateTest {

    private static SyntheticSubjectState someState() {
        SyntheticSubject subject = SyntheticSubject.create(TestProfiles.cyton(), SyntheticSubjectConfig.defaults());
        for (int i = 0; i < 123; i++) {
            subject.next();
        }
        return subject.snapshot();
    }

    @Test
    void bytesRoundTrip() {
        SyntheticSubjectState state = someState();
        byte[] bytes = state.toBytes();
        SyntheticSubjectState parsed = SyntheticSubjectState.fromBytes(bytes);
        assertEquals(state, parsed);
        assertEquals(state.hashCode(), parsed.hashCode());
        assertArrayEquals(bytes, parsed.toBytes());
        assertEquals(1230, parsed.sampleIndex());
        assertEquals(SyntheticSubjectState.FORMAT_VERSION, bytes[0]);
    }

    @Test
    void unknownVersionIsRefused() {
        byte[] bytes = someState().toBytes();
        bytes[0] = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSubjectState.fromBytes(bytes));
        assertTrue(e.getMessage().contains("format version 2 is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("version 1"), e.getMessage());
    }

    @Test
    void truncatedInputIsRefusedAtEveryLength() {
        byte[] bytes = someState().toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SyntheticSubjectState.fromBytes(cut));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertTrue(e.getMessage().contains("total " + length + " bytes"), e.getMessage());
        }
    }

    @Test
    void trailingBytesAndNegativeCountsAreRefused() {
        byte[] bytes = someState().toBytes();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSubjectState.fromBytes(longer));
        assertTrue(trailing.getMessage().contains("3 unexpected bytes"), trailing.getMessage());

        byte[] negative = bytes.clone();
        ByteBuffer.wrap(negative).putInt(17, -5);
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSubjectState.fromBytes(negative));
        assertTrue(corrupt.getMessage().contains("negative (-5)"), corrupt.getMessage());
    }

    @Test
    void aStateThatDoesNotFitTheGeneratorIsRefused() {
        SyntheticSubjectState state = someState();
        byte[] bytes = state.toBytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int integers = buffer.getInt(17);
        // the integer values start with the trial number, then the current target: make the target 99
        buffer.putLong(21 + 8, 99);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSubject.restore(
                TestProfiles.cyton(), SyntheticSubjectConfig.defaults(), SyntheticSubjectState.fromBytes(bytes)));
        assertTrue(e.getMessage().contains("current target is 99, expected 0..9"), e.getMessage());
        assertTrue(integers > 2);
    }
}
