package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaySplitSerializerTest {
    private static final ReplaySplit SPLIT = new ReplaySplit(2, "file:/data/ünïcode session.xdf,stream=EEG,pace=4x", "3",
            "EEG-B", 8, 123_456_789_012L, 17);

    @Test
    void splitsRoundTrip() throws IOException {
        ReplaySplitSerializer serializer = new ReplaySplitSerializer();
        assertEquals(SPLIT, serializer.deserialize(serializer.getVersion(), serializer.serialize(SPLIT)));
    }

    @Test
    void pendingSplitsRoundTrip() throws IOException {
        PendingSplitsSerializer<ReplaySplit> serializer = new PendingSplitsSerializer<>("replay source", new ReplaySplitSerializer());
        List<ReplaySplit> pending = List.of(SPLIT, new ReplaySplit(1, "file:a.edf,pace=max", "signals@160Hz", "a", 6, 0, 0));
        Collection<ReplaySplit> back = serializer.deserialize(serializer.getVersion(), serializer.serialize(pending));
        assertEquals(pending, List.copyOf(back));
    }

    @Test
    void otherVersionsAndDamagedBytesAreRefused() throws IOException {
        ReplaySplitSerializer serializer = new ReplaySplitSerializer();
        byte[] bytes = serializer.serialize(SPLIT);
        IOException newer = assertThrows(IOException.class, () -> serializer.deserialize(2, bytes));
        assertTrue(newer.getMessage().contains("version 2 is not supported"), newer.getMessage());
        byte[] negative = bytes.clone();
        // chunkSamples sits right after the three strings; make it -1
        int at = bytes.length - 4 - 8 - 4;
        Arrays.fill(negative, at, at + 4, (byte) 0xFF);
        IOException invalid = assertThrows(IOException.class, () -> serializer.deserialize(1, negative));
        assertTrue(invalid.getMessage().contains("invalid split"), invalid.getMessage());
        assertThrows(IOException.class, () -> serializer.deserialize(1, Arrays.copyOf(bytes, bytes.length - 3)));
    }
}
