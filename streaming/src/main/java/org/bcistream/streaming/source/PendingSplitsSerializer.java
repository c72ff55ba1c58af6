package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The enumerator checkpoint of a session source: the splits not yet assigned to a reader, each in its
 * split serializer's form. Layout: {@code int count}, then per split {@code int length, byte[length]}; the
 * version is the split serializer's.
 *
 * @param <SplitT> the split type
 */
class PendingSplitsSerializer<SplitT> implements SimpleVersionedSerializer<Collection<SplitT>> {
    private final String source;
    private final SimpleVersionedSerializer<SplitT> splits;

    /**
     * @param source how messages name the source, e.g. {@code synthetic source}
     * @param splits the serializer of one split
     */
    PendingSplitsSerializer(String source, SimpleVersionedSerializer<SplitT> splits) {
        this.source = source;
        this.splits = splits;
    }

    @Override
    public int getVersion() {
        return splits.getVersion();
    }

    @Override
    public byte[] serialize(Collection<SplitT> pending) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(pending.size());
        for (SplitT split : pending) {
            byte[] bytes = splits.serialize(split);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public Collection<SplitT> deserialize(int version, byte[] bytes) throws IOException {
        if (version != splits.getVersion()) {
            throw new IOException(source + " checkpoint version " + version + " is not supported (this build reads " + splits.getVersion() + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int count = in.readInt();
        if (count < 0 || count > bytes.length) {
            throw new IOException(source + " checkpoint declares " + count + " splits in " + bytes.length + " bytes");
        }
        List<SplitT> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IOException("split " + i + " of the " + source + " checkpoint declares " + length + " bytes but " + in.available() + " remain");
            }
            byte[] split = new byte[length];
            in.readFully(split);
            result.add(splits.deserialize(version, split));
        }
        return result;
    }
}
