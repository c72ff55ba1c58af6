package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.synthetic.SyntheticSubject;
import org.junit.jupiter.api.Test;

class SyntheticSessionSplitSerializerTest {
    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:seed=4,sessions=3,duration=2s");
    private static final SyntheticSessionSplit FRESH = SyntheticSessionSplit.fresh(2, SPEC);
    private static final SyntheticSessionSplit WITH_STATE = new SyntheticSessionSplit(3, SPEC.toString(), new byte[] {0, 1, -2, 127, -128});

    private final SyntheticSessionSplitSerializer serializer = new SyntheticSessionSplitSerializer();
    private final SyntheticSessionSplitSerializer.Pending pending = new SyntheticSessionSplitSerializer.Pending();

    /** The v1 bytes of a split header with any declared state length and the given state bytes. */
    private static byte[] split(int index, String spec, int declaredLength, byte[] state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(index);
        out.writeUTF(spec);
        out.writeInt(declaredLength);
        out.write(state);
        return out.getCopyOfBuffer();
    }

    @Test
    void versionIsOne() {
        assertEquals(1, serializer.getVersion());
        assertEquals(1, pending.getVersion());
    }

    @Test
    void roundTripsFreshAndStatefulSplits() throws IOException {
        for (SyntheticSessionSplit split : List.of(FRESH, WITH_STATE, new SyntheticSessionSplit(1, "sim:", new byte[70_000]))) {
            SyntheticSessionSplit copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertEquals(split, copy);
            assertEquals(split.isFresh(), copy.isFresh());
        }
    }

    @Test
    void roundTripsARealSimulatorState() throws IOException {
        // a split as a checkpoint would carry it: real simulator bytes
        SyntheticSubject subject = SyntheticSubject.create(
                DeviceProfiles.builtIn().byId("openbci-cyton"), SimulatedSession.subjectConfig(SPEC, 1));
        subject.next();
        SyntheticSessionSplit split = new SyntheticSessionSplit(1, SPEC.toString(), subject.snapshot().toBytes());
        assertEquals(split, serializer.deserialize(1, serializer.serialize(split)));
    }

    @Test
    void layoutIsIndexSpecLengthState() throws IOException {
        assertArrayEquals(split(3, SPEC.toString(), 5, new byte[] {0, 1, -2, 127, -128}), serializer.serialize(WITH_STATE));
    }

    @Test
    void unknownVersionIsRefusedWithBothVersions() throws IOException {
        byte[] bytes = serializer.serialize(FRESH);
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(2, bytes));
        assertEquals("synthetic source checkpoint version 2 is not supported (this build reads 1)", e.getMessage());
        IOException p = assertThrows(IOException.class, () -> pending.deserialize(0, pending.serialize(List.of(FRESH))));
        assertEquals("synthetic source checkpoint version 0 is not supported (this build reads 1)", p.getMessage());
    }

    @Test
    void negativeStateLengthIsRefused() throws IOException {
        byte[] bytes = split(7, "sim:", -1, new byte[0]);
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(1, bytes));
        assertEquals("synthetic split 7 declares -1 state bytes but 0 remain (limit 67108864)", e.getMessage());
    }

    @Test
    void hugeStateLengthIsRefusedBeforeAllocating() throws IOException {
        byte[] bytes = split(7, "sim:", Integer.MAX_VALUE, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(1, bytes));
        assertEquals("synthetic split 7 declares 2147483647 state bytes but 3 remain (limit 67108864)", e.getMessage());
    }

    @Test
    void stateLengthBeyondTheInputIsRefused() throws IOException {
        byte[] bytes = split(7, "sim:", 100, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(1, bytes));
        assertEquals("synthetic split 7 declares 100 state bytes but 3 remain (limit 67108864)", e.getMessage());
    }

    @Test
    void everyTruncationOfASplitThrowsIOException() throws IOException {
        byte[] bytes = serializer.serialize(WITH_STATE);
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> serializer.deserialize(1, truncated), "truncated to " + length + " bytes");
        }
    }

    @Test
    void pendingRoundTripsInOrder() throws IOException {
        List<SyntheticSessionSplit> splits = List.of(WITH_STATE, FRESH, SyntheticSessionSplit.fresh(1, SPEC));
        Collection<SyntheticSessionSplit> copy = pending.deserialize(1, pending.serialize(splits));
        assertEquals(splits, new ArrayList<>(copy));
        assertEquals(List.of(), new ArrayList<>(pending.deserialize(1, pending.serialize(List.of()))));
    }

    @Test
    void pendingRefusesANegativeOrImpossibleCount() throws IOException {
        DataOutputSerializer negative = new DataOutputSerializer(8);
        negative.writeInt(-1);
        IOException e = assertThrows(IOException.class, () -> pending.deserialize(1, negative.getCopyOfBuffer()));
        assertEquals("synthetic source checkpoint declares -1 splits in 4 bytes", e.getMessage());

        DataOutputSerializer huge = new DataOutputSerializer(8);
        huge.writeInt(Integer.MAX_VALUE);
        huge.writeInt(0);
        IOException h = assertThrows(IOException.class, () -> pending.deserialize(1, huge.getCopyOfBuffer()));
        assertEquals("synthetic source checkpoint declares 2147483647 splits in 8 bytes", h.getMessage());
    }

    @Test
    void pendingWithMoreSplitsDeclaredThanPresentThrowsIOException() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(3);
        byte[] one = new SyntheticSessionSplitSerializer().serialize(FRESH);
        out.writeInt(one.length);
        out.write(one);
        byte[] bytes = out.getCopyOfBuffer();
        assertThrows(IOException.class, () -> pending.deserialize(1, bytes));
    }

    @Test
    void pendingWithAHostileSplitInsideIsRefused() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(1);
        byte[] hostile = split(2, "sim:", Integer.MIN_VALUE, new byte[0]);
        out.writeInt(hostile.length);
        out.write(hostile);
        byte[] bytes = out.getCopyOfBuffer();
        IOException e = assertThrows(IOException.class, () -> pending.deserialize(1, bytes));
        assertEquals("synthetic split 2 declares -2147483648 state bytes but 0 remain (limit 67108864)", e.getMessage());
    }

    @Test
    void everyTruncationOfPendingSplitsThrowsIOException() throws IOException {
        byte[] bytes = pending.serialize(List.of(FRESH, WITH_STATE));
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> pending.deserialize(1, truncated), "truncated to " + length + " bytes");
        }
    }
}
