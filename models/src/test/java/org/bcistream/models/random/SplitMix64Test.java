package org.bcistream.models.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitMix64Test {

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 42L, 0x123456789abcdefL})
    void sameSequenceAsTheJdkSplittableRandom(long seed) {
        SplitMix64 ours = SplitMix64.of(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong(), "nextLong " + i);
            assertEquals(jdk.nextDouble(), ours.nextDouble(), "nextDouble " + i);
        }
    }

    @Test
    void splitGivesTheJdkChildStream() {
        SplitMix64 ours = SplitMix64.of(7);
        SplittableRandom jdk = new SplittableRandom(7);
        for (int generation = 0; generation < 5; generation++) {
            SplitMix64 ourChild = ours.split();
            SplittableRandom jdkChild = jdk.split();
            for (int i = 0; i < 100; i++) {
                assertEquals(jdkChild.nextLong(), ourChild.nextLong());
            }
            assertEquals(jdk.nextLong(), ours.nextLong(), "the parent advances as the JDK's does");
        }
    }

    @Test
    void childStreamDiffersFromParent() {
        SplitMix64 parent = SplitMix64.of(3);
        SplitMix64 child = parent.split();
        int equal = 0;
        for (int i = 0; i < 1000; i++) {
            if (parent.nextLong() == child.nextLong()) {
                equal++;
            }
        }
        assertEquals(0, equal);
    }

    @Test
    void savedStateRestoresTheExactContinuation() {
        SplitMix64 original = SplitMix64.of(11).split();
        for (int i = 0; i < 17; i++) {
            original.nextLong();
        }
        byte[] saved = original.saveState();
        assertEquals(SplitMix64.STATE_BYTES, saved.length);
        SplitMix64 restored = SplitMix64.restoreState(saved);
        SplitMix64 copy = original.copy();
        for (int i = 0; i < 100; i++) {
            long expected = original.nextLong();
            assertEquals(expected, restored.nextLong());
            assertEquals(expected, copy.nextLong());
        }
        assertArrayEquals(original.saveState(), restored.saveState());

        ByteBuffer buffer = ByteBuffer.allocate(3 + SplitMix64.STATE_BYTES);
        buffer.position(3);
        original.writeState(buffer);
        buffer.position(3);
        assertEquals(original.nextLong(), SplitMix64.readState(buffer).nextLong());
    }

    @Test
    void corruptStatesAreRefused() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> SplitMix64.restoreState(new byte[15]));
        assertTrue(length.getMessage().contains("16 bytes; got 15 bytes"), length.getMessage());
        byte[] evenGamma = ByteBuffer.allocate(16).putLong(5).putLong(0x9e3779b97f4a7c14L).array();
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> SplitMix64.restoreState(evenGamma));
        assertTrue(even.getMessage().contains("9e3779b97f4a7c14 is even"), even.getMessage());
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        assertNotEquals(SplitMix64.of(1).nextLong(), SplitMix64.of(2).nextLong());
    }
}
