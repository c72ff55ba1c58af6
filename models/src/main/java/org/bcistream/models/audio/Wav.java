package org.bcistream.models.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes WAV files of 16-bit integer PCM.
 *
 * <p><b>Reading</b> accepts format tag 1 (PCM) or {@code 0xFFFE} (WAVE_FORMAT_EXTENSIBLE with the PCM
 * sub-format), 1 or 2 channels (stereo is averaged to mono), any positive sample rate, and skips chunks
 * other than {@code fmt } and {@code data} (honouring the pad byte after odd-sized chunks). It refuses,
 * with a {@link WavFormatException} naming the field and the numbers: a missing or foreign magic
 * ({@code RIFX}, {@code RF64}), other sample formats, inconsistent byte rate or block align, and
 * truncated files (RIFF or data size larger than the bytes present, a partial sample frame). Trailing
 * bytes after the RIFF chunk are ignored.
 *
 * <p><b>Writing</b> produces the canonical 44-byte {@link WavHeader} and mono 16-bit samples
 * ({@link Pcm16}: clipped to [-1, 1)). Stateless and thread-safe.
 */
public final class Wav {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private Wav() {}

    /** Reads a WAV file; see the class comment for what is accepted. */
    public static AudioClip read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Reads a whole WAV stream (not closed); {@code source} names it in error messages. */
    public static AudioClip read(InputStream in, String source) throws IOException {
        return decode(in.readAllBytes(), source);
    }

    /** Writes {@code clip} as a mono 16-bit PCM WAV file, replacing an existing file. */
    public static void write(AudioClip clip, Path file) throws IOException {
        Files.write(file, encode(clip));
    }

    /** Writes {@code clip} as a mono 16-bit PCM WAV stream (not closed). */
    public static void write(AudioClip clip, OutputStream out) throws IOException {
        out.write(encode(clip));
    }

    private static byte[] encode(AudioClip clip) {
        long dataBytes = (long) clip.length() * Pcm16.BYTES_PER_SAMPLE;
        if (dataBytes > Integer.MAX_VALUE - WavHeader.BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d samples do not fit one in-memory WAV; use a streaming writer", clip.length()));
        }
        byte[] bytes = new byte[WavHeader.BYTES + (int) dataBytes];
        System.arraycopy(WavHeader.mono16(clip.sampleRate(), dataBytes), 0, bytes, 0, WavHeader.BYTES);
        Pcm16.encode(clip.samples(), 0, clip.length(), bytes, WavHeader.BYTES);
        return bytes;
    }

    private static AudioClip decode(byte[] bytes, String source) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12) {
            throw fail(source, "truncated: %d bytes, fewer than the 12 of a RIFF/WAVE header", bytes.length);
        }
        String magic = fourCc(b, 0);
        if (!magic.equals("RIFF")) {
            throw fail(source, "starts with '%s', not 'RIFF'%s", printable(magic),
                    magic.equals("RIFX") || magic.equals("RF64") ? " (big-endian and RF64 WAV are not supported)" : "");
        }
        if (!fourCc(b, 8).equals("WAVE")) {
            throw fail(source, "RIFF form type is '%s', not 'WAVE'", printable(fourCc(b, 8)));
        }
        long riffEnd = 8 + Integer.toUnsignedLong(b.getInt(4));
        if (riffEnd > bytes.length) {
            throw fail(source, "truncated: the RIFF size says %d bytes, the file has %d", riffEnd, bytes.length);
        }
        Format format = null;
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String id = fourCc(b, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (body + size > riffEnd) {
                throw fail(source, "truncated: chunk '%s' at byte %d declares %d bytes, only %d follow",
                        printable(id), pos, size, riffEnd - body);
            }
            if (id.equals("fmt ")) {
                format = Format.parse(b, body, (int) size, source);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw fail(source, "the data chunk at byte %d comes before any fmt chunk", pos);
                }
                return format.samples(b, body, (int) size, source);
            }
            pos = (int) (body + size + (size & 1));
        }
        throw fail(source, format == null ? "no fmt chunk" : "no data chunk");
    }

    /** The fields of a {@code fmt } chunk this reader needs. */
    private static final class Format {
        final int channels;
        final int sampleRate;

        private Format(int channels, int sampleRate) {
            this.channels = channels;
            this.sampleRate = sampleRate;
        }

        static Format parse(ByteBuffer b, int at, int size, String source) throws WavFormatException {
            if (size < 16) {
                throw fail(source, "fmt chunk has %d bytes, fewer than 16", size);
            }
            int tag = Short.toUnsignedInt(b.getShort(at));
            int channels = Short.toUnsignedInt(b.getShort(at + 2));
            long rate = Integer.toUnsignedLong(b.getInt(at + 4));
            long byteRate = Integer.toUnsignedLong(b.getInt(at + 8));
            int blockAlign = Short.toUnsignedInt(b.getShort(at + 12));
            int bits = Short.toUnsignedInt(b.getShort(at + 14));
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40) {
                    throw fail(source, "WAVE_FORMAT_EXTENSIBLE fmt chunk has %d bytes, fewer than 40", size);
                }
                tag = Short.toUnsignedInt(b.getShort(at + 24));
            }
            if (tag != FORMAT_PCM) {
                throw fail(source, "format tag %d is not supported; only integer PCM (1) is read", tag);
            }
            if (bits != 16) {
                throw fail(source, "%d bits per sample is not supported; only 16-bit PCM is read", bits);
            }
            if (channels != 1 && channels != 2) {
                throw fail(source, "%d channels is not supported; only mono and stereo are read", channels);
            }
            if (rate == 0 || rate > Integer.MAX_VALUE) {
                throw fail(source, "sample rate %d Hz is not valid", rate);
            }
            if (blockAlign != channels * Pcm16.BYTES_PER_SAMPLE || byteRate != rate * blockAlign) {
                throw fail(source, "inconsistent fmt chunk: block align %d and byte rate %d, expected %d and %d"
                        + " for %d channels of 16 bits at %d Hz", blockAlign, byteRate,
                        channels * Pcm16.BYTES_PER_SAMPLE, rate * channels * Pcm16.BYTES_PER_SAMPLE, channels, rate);
            }
            return new Format(channels, (int) rate);
        }

        AudioClip samples(ByteBuffer b, int at, int size, String source) throws WavFormatException {
            int frameBytes = channels * Pcm16.BYTES_PER_SAMPLE;
            if (size % frameBytes != 0) {
                throw fail(source, "truncated: data chunk of %d bytes is not a whole number of %d-byte frames",
                        size, frameBytes);
            }
            float[] out = new float[size / frameBytes];
            for (int i = 0; i < out.length; i++) {
                int p = at + i * frameBytes;
                out[i] = channels == 1
                        ? Pcm16.decode(b.getShort(p))
                        : 0.5f * (Pcm16.decode(b.getShort(p)) + Pcm16.decode(b.getShort(p + 2)));
            }
            return AudioClip.of(sampleRate, out);
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        StringBuilder s = new StringBuilder();
        for (char c : id.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return s.toString();
    }

    private static WavFormatException fail(String source, String format, Object... args) {
        return new WavFormatException(source, String.format(Locale.ROOT, format, args));
    }
}
