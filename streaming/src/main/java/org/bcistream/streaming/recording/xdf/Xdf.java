package org.bcistream.streaming.recording.xdf;

import java.nio.charset.StandardCharsets;

/** Constants of the XDF 1.0 container shared by the reader and the writer. */
final class Xdf {
    /** The four bytes every XDF file starts with: {@code XDF:}. */
    static final byte[] MAGIC = "XDF:".getBytes(StandardCharsets.US_ASCII);

    static final int TAG_FILE_HEADER = 1;
    static final int TAG_STREAM_HEADER = 2;
    static final int TAG_SAMPLES = 3;
    static final int TAG_CLOCK_OFFSET = 4;
    static final int TAG_BOUNDARY = 5;
    static final int TAG_STREAM_FOOTER = 6;

    /** Bytes of the tag field. */
    static final int TAG_BYTES = 2;
    /** Bytes of the stream id field of tags 2, 3, 4 and 6. */
    static final int STREAM_ID_BYTES = 4;
    /** Content bytes of a ClockOffset chunk: collection time and offset, two doubles. */
    static final int CLOCK_OFFSET_BYTES = 16;

    /** Content of a Boundary chunk. */
    static final byte[] BOUNDARY_SIGNATURE = {
        0x43, (byte) 0xA5, 0x46, (byte) 0xDC, (byte) 0xCB, (byte) 0xF5, 0x41, 0x0F,
        (byte) 0xB3, 0x0E, (byte) 0xD5, 0x46, 0x73, (byte) 0x83, (byte) 0xCB, (byte) 0xE4
    };

    /** Time stamp marker byte of a sample whose time stamp is deduced. */
    static final int NO_TIMESTAMP = 0;
    /** Time stamp marker byte of a sample followed by an 8-byte double time stamp. */
    static final int EXPLICIT_TIMESTAMP = 8;

    private Xdf() {}

    /** Whether chunks of {@code tag} carry a stream id after the tag. */
    static boolean hasStreamId(int tag) {
        return tag == TAG_STREAM_HEADER || tag == TAG_SAMPLES || tag == TAG_CLOCK_OFFSET || tag == TAG_STREAM_FOOTER;
    }

    /** The chunk type's name for messages, e.g. {@code Samples}. */
    static String tagName(int tag) {
        return switch (tag) {
            case TAG_FILE_HEADER -> "FileHeader";
            case TAG_STREAM_HEADER -> "StreamHeader";
            case TAG_SAMPLES -> "Samples";
            case TAG_CLOCK_OFFSET -> "ClockOffset";
            case TAG_BOUNDARY -> "Boundary";
            case TAG_STREAM_FOOTER -> "StreamFooter";
            default -> "unknown";
        };
    }

    /** An XDF stream id (an unsigned 32-bit value) as text. */
    static String streamIdText(int id) {
        return Integer.toUnsignedString(id);
    }
}
