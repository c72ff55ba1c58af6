package org.bcistream.streaming.source;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link SyntheticSessionSplit}s (and of the enumerator's pending splits) for Flink
 * checkpoints. Layout v1: {@code int sessionIndex, UTF spec, int stateLength, byte[stateLength]}.
 */
public final class SyntheticSessionSplitSerializer implements SimpleVersionedSerializer<SyntheticSessionSplit> {
    static final int VERSION = 1;
    private static final int MAX_STATE_BYTES = 64 << 20;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SyntheticSessionSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + split.spec().length() + split.simulatorState().length);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public SyntheticSessionSplit deserialize(int version, byte[] bytes) throws IOException {
        checkVersion(version);
        return read(new DataInputDeserializer(bytes));
    }

    static void write(SyntheticSessionSplit split, DataOutputSerializer out) throws IOException {
        out.writeInt(split.sessionIndex());
        out.writeUTF(split.spec());
        byte[] state = split.simulatorState();
        out.writeInt(state.length);
        out.write(state);
    }

    static SyntheticSessionSplit read(DataInputDeserializer in) throws IOException {
        int index = in.readInt();
        String spec = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > MAX_STATE_BYTES || length > in.available()) {
            throw new IOException("synthetic split " + index + " declares " + length + " state bytes but "
                    + in.available() + " remain (limit " + MAX_STATE_BYTES + ")");
        }
        byte[] state = new byte[length];
        in.readFully(state);
        return new SyntheticSessionSplit(index, spec, state);
    }

    static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("synthetic source checkpoint version " + version + " is not supported (this build reads " + VERSION + ")");
        }
    }

    /** Serializer of the enumerator's checkpoint: the splits not yet assigned to a reader. */
    static final class Pending extends PendingSplitsSerializer<SyntheticSessionSplit> {
        Pending() {
            super("synthetic source", new SyntheticSessionSplitSerializer());
        }
    }
}
