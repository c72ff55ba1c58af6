package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled voice bank and the loader's refusals. */
class VoiceBankTest {
    /** {@code SyntheticSubjectConfig.WORDS} in hardware-profiles, which models cannot depend on. */
    private static final List<String> WORDS =
            List.of("yes", "no", "hello", "water", "help", "stop", "go", "up", "down", "more");
    private static final String BANKS = "/org/bcistream/models/audio/banks/";

    private static VoiceBank bank;

    @BeforeAll
    static void load() throws IOException {
        bank = VoiceBank.load();
    }

    @Test
    void holdsTheSubjectsWordsThenTheLetters() {
        List<String> expected = new ArrayList<>(WORDS);
        for (char c = 'A'; c <= 'Z'; c++) {
            expected.add(String.valueOf(c));
        }
        assertEquals(expected, List.copyOf(bank.entries()));
        assertEquals(16_000, bank.sampleRate());
        assertTrue(bank.contains("water"));
        assertFalse(bank.contains("Water"), "lookups are case-sensitive");
    }

    @Test
    void clipsAreShortTrimmedAndPeakNormalised() {
        for (String entry : bank.entries()) {
            AudioClip clip = bank.clip(entry);
            assertTrue(clip.durationSeconds() > 0.2 && clip.durationSeconds() < 1.0, entry + ": " + clip);
            float[] x = clip.samples();
            double peak = 0;
            for (float v : x) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertEquals(0.89, peak, 0.001, entry + " peak");
            double loudest = 0;
            for (int at = 0; at + 160 <= x.length; at += 160) {
                loudest = Math.max(loudest, rms(x, at, 160));
            }
            // trimming keeps at most 30 ms before and 50 ms after the first and last frame within 40 dB
            double edge = loudest * Math.pow(10, -50 / 20.0);
            assertTrue(rms(x, 0, 1280) > edge, entry + " starts with silence");
            assertTrue(rms(x, x.length - 1280, 1280) > edge, entry + " ends with silence");
        }
    }

    @Test
    void bundledFilesTakeAtMostTwoMegabytes() throws IOException {
        long total = size(VoiceBank.DEFAULT_DIRECTORY + VoiceBank.INDEX);
        for (String entry : bank.entries()) {
            String file = (entry.length() == 1 ? "letter_" : "word_") + entry + ".wav";
            total += size(VoiceBank.DEFAULT_DIRECTORY + file);
        }
        System.out.println("voice bank: " + bank.entries().size() + " entries, " + total + " bytes");
        assertTrue(total <= 2L * 1024 * 1024, total + " bytes");
    }

    @Test
    void unknownEntriesNameWhatThereIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bank.clip("maybe"));
        assertTrue(e.getMessage().contains("no entry 'maybe'") && e.getMessage().contains("hello"), e.getMessage());
    }

    @Test
    void refusesBrokenBanks() {
        assertTrue(assertThrows(FileNotFoundException.class, () -> VoiceBank.load(BANKS + "missing-file/"))
                .getMessage().contains("'ghost'"));
        assertTrue(assertThrows(FileNotFoundException.class, () -> VoiceBank.load(BANKS + "nowhere/"))
                .getMessage().contains("index.tsv is not on the classpath"));
        assertTrue(assertThrows(IOException.class, () -> VoiceBank.load(BANKS + "duplicate/"))
                .getMessage().contains("line 2: entry 'yes' appears twice"));
        assertTrue(assertThrows(IOException.class, () -> VoiceBank.load(BANKS + "bad-line/"))
                .getMessage().contains("line 1"));
        assertTrue(assertThrows(IOException.class, () -> VoiceBank.load(BANKS + "mixed-rate/"))
                .getMessage().contains("8000 Hz"));
        assertTrue(assertThrows(IOException.class, () -> VoiceBank.load(BANKS + "empty/"))
                .getMessage().contains("lists no entries"));
        assertTrue(assertThrows(WavFormatException.class, () -> VoiceBank.load(BANKS + "not-wav/"))
                .getMessage().contains("note.wav"));
        assertThrows(IllegalArgumentException.class, () -> VoiceBank.load("voicebank"));
    }

    private static long size(String resource) throws IOException {
        try (InputStream in = VoiceBankTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " missing");
            return in.readAllBytes().length;
        }
    }

    private static double rms(float[] x, int from, int count) {
        double s = 0;
        for (int i = from; i < from + count; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / count);
    }
}
