package org.bcistream.streaming.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorded session opened for reading: its numeric streams, its markers, and sequential access to each
 * stream's samples. Opening reads headers (and, where the format needs it, an index of the file: XDF clock
 * offsets), never the whole signal into memory.
 *
 * <p>A truncated file opens with what was readable and a warning in {@link #warnings()}; a file that
 * breaks its format elsewhere fails with {@link RecordingFormatException} naming the byte offset.
 */
public interface Recording extends AutoCloseable {
    /** The format's name, e.g. {@code XDF}, {@code EDF+C}, {@code BDF}, {@code muse-lsl CSV}. */
    String format();

    /** The file this recording was read from. */
    Path path();

    /** The numeric streams, in file order (marker-only streams are not listed here). */
    List<RecordedStream> streams();

    /** Every marker of the recording (annotations, marker streams, triggers), in time order. */
    List<RecordedMarker> markers();

    /** What the reader noticed but read past (truncation, counter gaps, clock resets), one line each. */
    List<String> warnings();

    /**
     * The LSL source id of a stream (numeric or marker), or empty when the format has none. Streams with the
     * same non-empty source id come from one device or session: a replay gives a marker stream's markers to
     * the numeric stream that shares its source id.
     */
    default String sourceIdOf(String streamId) {
        return "";
    }

    /**
     * The device model a recording names for a stream (XDF {@code desc/acquisition/model}; bcistream's
     * recorder writes its device profile id there), or empty.
     */
    default String deviceModelOf(String streamId) {
        return "";
    }

    /** A cursor over one stream's samples from its first sample. */
    SampleCursor open(RecordedStream stream) throws IOException;

    @Override
    void close() throws IOException;
}
