package org.bcistream.streaming.source;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link ReplaySplit}s for Flink checkpoints. Layout v1: {@code int sessionIndex,
 * UTF spec, UTF streamId, UTF sessionId, int chunkSamples, long samplesDone, int markersDone}.
 */
final class ReplaySplitSerializer implements SimpleVersionedSerializer<ReplaySplit> {
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ReplaySplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128 + split.spec().length());
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ReplaySplit deserialize(int version, byte[] bytes) throws IOException {
        checkVersion(version);
        return read(new DataInputDeserializer(bytes));
    }

    private static void write(ReplaySplit split, DataOutputSerializer out) throws IOException {
        out.writeInt(split.sessionIndex());
        out.writeUTF(split.spec());
        out.writeUTF(split.streamId());
        out.writeUTF(split.sessionId());
        out.writeInt(split.chunkSamples());
        out.writeLong(split.samplesDone());
        out.writeInt(split.markersDone());
    }

    private static ReplaySplit read(DataInputDeserializer in) throws IOException {
        try {
            return new ReplaySplit(in.readInt(), in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readLong(), in.readInt());
        } catch (IllegalArgumentException e) {
            throw new IOException("replay checkpoint holds an invalid split: " + e.getMessage(), e);
        }
    }

    private static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("replay source checkpoint version " + version + " is not supported (this build reads " + VERSION + ")");
        }
    }
}
