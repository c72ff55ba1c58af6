package org.bcistream.models.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The canonical 44-byte header of a mono 16-bit PCM WAV file: {@code RIFF} chunk, a 16-byte
 * {@code fmt } chunk (format tag 1) and the {@code data} chunk header.
 *
 * <pre>
 * offset  size  field
 *      0     4  "RIFF"
 *      4     4  RIFF size = 36 + data bytes        ({@link #RIFF_SIZE_OFFSET})
 *      8     4  "WAVE"
 *     12     4  "fmt "
 *     16     4  16
 *     20     2  1 (PCM)      22  2  channels = 1
 *     24     4  sample rate  28  4  byte rate = 2 x rate
 *     32     2  block align = 2                34  2  bits = 16
 *     36     4  "data"
 *     40     4  data bytes                     ({@link #DATA_SIZE_OFFSET})
 * </pre>
 * All integers little-endian. Writers that grow a file rewrite the two size fields.
 */
public final class WavHeader {
    /** Length of the header; the samples start here. */
    public static final int BYTES = 44;
    /** Offset of the RIFF chunk size (file length - 8). */
    public static final int RIFF_SIZE_OFFSET = 4;
    /** Offset of the data chunk size (sample bytes). */
    public static final int DATA_SIZE_OFFSET = 40;
    /** The largest data size whose RIFF size still fits the unsigned 32-bit field. */
    public static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (BYTES - 8);
    /** The largest sample rate whose byte rate fits the signed 32-bit field, in Hz. */
    public static final int MAX_SAMPLE_RATE = Integer.MAX_VALUE / Pcm16.BYTES_PER_SAMPLE;

    private WavHeader() {}

    /**
     * The header of a mono 16-bit PCM file with {@code dataBytes} bytes of samples.
     *
     * @param sampleRate samples per second, in [1, {@link #MAX_SAMPLE_RATE}]
     * @param dataBytes even, in [0, {@link #MAX_DATA_BYTES}]
     */
    public static byte[] mono16(int sampleRate, long dataBytes) {
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sample rate must be in [1, %d] Hz; got %d Hz", MAX_SAMPLE_RATE, sampleRate));
        }
        checkDataBytes(dataBytes);
        ByteBuffer b = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (dataBytes + BYTES - 8));
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * Pcm16.BYTES_PER_SAMPLE);
        b.putShort((short) Pcm16.BYTES_PER_SAMPLE).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.array();
    }

    /**
     * The two size fields for {@code dataBytes} of samples, as little-endian unsigned 32-bit values: RIFF
     * size at index 0-3 (to go at {@link #RIFF_SIZE_OFFSET}), data size at 4-7 ({@link #DATA_SIZE_OFFSET}).
     */
    public static byte[] sizeFields(long dataBytes) {
        checkDataBytes(dataBytes);
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (dataBytes + BYTES - 8)).putInt((int) dataBytes).array();
    }

    private static void checkDataBytes(long dataBytes) {
        if (dataBytes < 0 || dataBytes > MAX_DATA_BYTES || dataBytes % Pcm16.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "data size must be even and in [0, %d] bytes; got %d", MAX_DATA_BYTES, dataBytes));
        }
    }
}
