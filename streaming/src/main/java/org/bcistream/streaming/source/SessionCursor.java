package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.List;
import org.bcistream.decoders.record.SessionEvent;

/**
 * One session being replayed by a source reader, block by block in source time: a simulated subject or a
 * recorded stream. Not thread-safe; owned by one reader.
 *
 * @param <SplitT> the split type that resumes the session where it stands
 */
public interface SessionCursor<SplitT> extends AutoCloseable {
    /** True while the session has blocks left. */
    boolean hasNext();

    /** Source time of the next block's first sample, seconds. */
    double nextBlockStart();

    /** Source time just after the next block's last sample, seconds: when it is fully acquired. */
    double nextBlockEnd();

    /**
     * The next block: its markers (in time order) followed by its signal data.
     *
     * @param ingestNanos local monotonic instant to stamp on the records
     */
    List<SessionEvent> nextBlock(long ingestNanos) throws IOException;

    /** A split that resumes this session exactly where it stands (between two blocks). */
    SplitT snapshot();

    /** Releases what the session holds open (a recording file); the default holds nothing. */
    @Override
    default void close() throws IOException {}
}
