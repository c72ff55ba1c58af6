package org.bcistream.streaming.source;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Versioned binary form of {@link LslSplit}s. Layout v1: {@code int sessionIndex, UTF spec, UTF sessionId, UTF sourceId}. */
final class LslSplitSerializer implements SimpleVersionedSerializer<LslSplit> {
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(LslSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeInt(split.sessionIndex());
        out.writeUTF(split.spec());
        out.writeUTF(split.sessionId());
        out.writeUTF(split.sourceId());
        return out.getCopyOfBuffer();
    }

    @Override
    public LslSplit deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("LSL source checkpoint version " + version + " is not supported (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        return new LslSplit(in.readInt(), in.readUTF(), in.readUTF(), in.readUTF());
    }
}
