package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV reading and writing, checked against hand-built files and the JDK's own reader. */
class WavTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatTheJdkReadsAndReadsItBackExactly() throws Exception {
        float[] samples = {0f, 0.5f, -0.5f, 32767 / 32768f, -1f, 1.5f, -2f, 1e-5f};
        Path file = dir.resolve("clip.wav");
        Wav.write(AudioClip.of(22_050, samples), file);
        assertEquals(44 + 2 * samples.length, Files.size(file));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
            assertEquals(22_050f, f.getSampleRate());
            assertEquals(16, f.getSampleSizeInBits());
            assertEquals(1, f.getChannels());
            assertEquals(samples.length, in.getFrameLength());
        }
        AudioClip back = Wav.read(file);
        assertEquals(22_050, back.sampleRate());
        // codes round-trip exactly; 1.5 and -2 clip, 1e-5 rounds to code 0
        assertArrayEquals(new float[] {0f, 0.5f, -0.5f, 32767 / 32768f, -1f, 32767 / 32768f, -1f, 0f},
                back.samples());
    }

    @Test
    void streamsRoundTrip() throws IOException {
        AudioClip clip = AudioClip.of(8000, new float[] {0.25f, -0.125f});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wav.write(clip, out);
        assertEquals(clip, Wav.read(new ByteArrayInputStream(out.toByteArray()), "memory"));
    }

    @Test
    void averagesStereoAndSkipsOtherChunks() throws IOException {
        byte[] wav = WavBytes.riff().chunk("LIST", new byte[] {1, 2, 3}).fmt(2, 44_100, 16)
                .chunk("fact", new byte[4]).data((short) 16384, (short) 0, (short) -32768, (short) 32767).bytes();
        AudioClip clip = read(wav);
        assertEquals(44_100, clip.sampleRate());
        assertArrayEquals(new float[] {0.25f, 0.5f * (-1f + 32767 / 32768f)}, clip.samples());
    }

    @Test
    void readsExtensiblePcmAndIgnoresTrailingBytes() throws IOException {
        byte[] wav = WavBytes.riff().fmtExtensible(1, 16_000).data((short) 1, (short) -1).bytes();
        byte[] padded = Arrays.copyOf(wav, wav.length + 7);
        assertArrayEquals(new float[] {1 / 32768f, -1 / 32768f}, read(padded).samples());
    }

    @Test
    void readsAnEmptyDataChunk() throws IOException {
        assertEquals(0, read(WavBytes.riff().fmt(1, 16_000, 16).data().bytes()).length());
    }

    @Test
    void refusesMalformedAndTruncatedFiles() {
        byte[] good = WavBytes.riff().fmt(1, 16_000, 16).data((short) 1, (short) 2, (short) 3).bytes();
        refused(Arrays.copyOf(good, 10), "fewer than the 12");
        refused(Arrays.copyOf(good, good.length - 2), "truncated: the RIFF size says 50 bytes, the file has 48");
        refused(WavBytes.riff().fmt(1, 16_000, 16).chunk("data", 100, new byte[6]).bytes(),
                "chunk 'data' at byte 36 declares 100 bytes, only 6 follow");
        refused(WavBytes.riff().fmt(2, 16_000, 16).data((short) 1, (short) 2, (short) 3).bytes(),
                "not a whole number of 4-byte frames");
        refused(WavBytes.riff().magic("RIFX").fmt(1, 16_000, 16).data().bytes(), "big-endian and RF64");
        refused(WavBytes.riff().fmt(1, 16_000, 24).data().bytes(), "24 bits per sample is not supported");
        refused(WavBytes.riff().fmt(3, 1, 16_000, 64_000, 4, 32).data().bytes(), "format tag 3");
        refused(WavBytes.riff().fmt(3, 16_000, 16).data().bytes(), "3 channels");
        refused(WavBytes.riff().fmt(1, 1, 16_000, 16_000, 2, 16).data().bytes(), "byte rate 16000");
        refused(WavBytes.riff().fmt(1, 0, 16).data().bytes(), "sample rate 0 Hz");
        refused(WavBytes.riff().data((short) 1).fmt(1, 16_000, 16).bytes(), "comes before any fmt chunk");
        refused(WavBytes.riff().fmt(1, 16_000, 16).bytes(), "no data chunk");
        refused(WavBytes.riff().chunk("fmt ", new byte[14]).data().bytes(), "fmt chunk has 14 bytes");
        refused(WavBytes.riff().riffSize(0xFFFF_FFFFL).fmt(1, 16_000, 16).data().bytes(), "truncated");
    }

    @Test
    void refusesNonFiniteSamples() {
        float[] bad = {0f, Float.NaN};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AudioClip.of(16_000, bad)).getMessage()
                .contains("sample 1 of 2"));
        assertThrows(IllegalArgumentException.class, () -> AudioClip.of(0, new float[1]));
    }

    private static AudioClip read(byte[] wav) throws IOException {
        return Wav.read(new ByteArrayInputStream(wav), "test.wav");
    }

    private static void refused(byte[] wav, String expected) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> read(wav));
        assertEquals("test.wav", e.source());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
