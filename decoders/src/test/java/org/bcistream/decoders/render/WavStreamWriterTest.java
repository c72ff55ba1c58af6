package org.bcistream.decoders.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.bcistream.models.audio.AudioClip;
import org.bcistream.models.audio.Pcm16;
import org.bcistream.models.audio.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's chunks in one WAV file, valid after every flush and after close. */
class WavStreamWriterTest {
    private static final long SEED = 23L;

    @TempDir
    Path dir;

    @Test
    void chunksAccumulateAndTheFileIsValidAfterEveryFlush() throws Exception {
        Path file = dir.resolve("session.wav");
        SplittableRandom random = new SplittableRandom(SEED);
        float[] all = new float[0];
        try (WavStreamWriter out = WavStreamWriter.create(file, 16_000)) {
            assertEquals(0, Wav.read(file).length(), "a fresh file is an empty WAV");
            for (int chunk = 0; chunk < 7; chunk++) {
                float[] samples = new float[1280 + 3001 * chunk];      // crosses the buffer size unevenly
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (float) random.nextDouble(-1, 1);
                }
                out.append(samples);
                all = concat(all, samples);
                out.flush();
                checkFile(file, all);
            }
            assertEquals(all.length, out.samplesWritten());
            out.append(new float[] {0.5f, 0.25f, -0.25f}, 1, 2);
            all = concat(all, new float[] {0.25f, -0.25f});
        }
        checkFile(file, all);
    }

    @Test
    void anEmptySessionIsAnEmptyWav() throws Exception {
        Path file = dir.resolve("empty.wav");
        WavStreamWriter.create(file, 8000).close();
        assertEquals(44, Files.size(file));
        AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
        assertEquals(0, format.getFrameLength());
        assertEquals(8000f, format.getFormat().getSampleRate());
    }

    @Test
    void rejectsBadChunksWholeAndUseAfterClose() throws IOException {
        Path file = dir.resolve("bad.wav");
        WavStreamWriter out = WavStreamWriter.create(file, 16_000);
        out.append(new float[] {0.1f, 0.2f});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> out.append(new float[] {0.3f, Float.POSITIVE_INFINITY, 0.4f}));
        assertTrue(e.getMessage().contains("sample 1 of the chunk is Infinity"), e.getMessage());
        assertEquals(2, out.samplesWritten(), "nothing of the bad chunk was written");
        assertThrows(IndexOutOfBoundsException.class, () -> out.append(new float[3], 2, 2));
        out.close();
        out.close();
        assertThrows(IllegalStateException.class, () -> out.append(new float[1]));
        assertThrows(IllegalStateException.class, out::flush);
        assertEquals(2, Wav.read(file).length());
        assertThrows(IllegalArgumentException.class, () -> WavStreamWriter.create(dir.resolve("x.wav"), 0));
        assertThrows(IOException.class, () -> WavStreamWriter.create(dir.resolve("no/such/dir.wav"), 16_000));
    }

    /** Header fields, the JDK's reader and ours all agree with what was appended. */
    private static void checkFile(Path file, float[] expected) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(bytes.length - 8, header.getInt(4), "RIFF size");
        assertEquals(expected.length * 2, header.getInt(40), "data size");
        AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
        assertEquals(AudioFileFormat.Type.WAVE, format.getType());
        assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getFormat().getEncoding());
        assertEquals(16_000f, format.getFormat().getSampleRate());
        assertEquals(1, format.getFormat().getChannels());
        assertEquals(16, format.getFormat().getSampleSizeInBits());
        assertEquals(expected.length, format.getFrameLength());
        AudioClip clip = Wav.read(file);
        float[] quantised = new float[expected.length];
        for (int i = 0; i < expected.length; i++) {
            quantised[i] = Pcm16.decode(Pcm16.encode(expected[i]));
        }
        assertArrayEquals(quantised, clip.samples());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
