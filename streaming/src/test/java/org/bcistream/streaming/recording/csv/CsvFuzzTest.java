package org.bcistream.streaming.recording.csv;

import static org.bcistream.streaming.recording.csv.CsvTestFiles.DATA;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.OPENBCI;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.P300;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.SSVEP;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random truncations, bit flips, byte substitutions and deletions applied to the first
 * {@value #PREFIX_LINES} lines of each shared file (when the shared folder is present) and to the fixtures;
 * each copy is opened (mostly by its own reader, sometimes by the other) and its stream read to the end in
 * random chunk sizes. Only {@link RecordingFormatException} may escape, every batch finishes within its time
 * limit, no case allocates more than {@value #ALLOCATION_LIMIT} bytes, and what opens reads back exactly the
 * announced number of samples with finite values and non-decreasing time.
 */
class CsvFuzzTest {
    private static final long SEED = 20_261_122L;
    private static final int PREFIX_LINES = 200;
    private static final int BATCHES = 12;
    private static final int CASES_PER_BATCH = 250;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(20);
    private static final long ALLOCATION_LIMIT = 64L << 20;
    private static final byte[] INTERESTING = {',', '\n', '\r', '-', '+', '.', 'e', 'N', '%', ' ', '9', 0, (byte) 0xFF};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private record Source(String name, boolean muse, byte[] bytes) {}

    private record Tally(int opened, int refused) {}

    /** The fixtures and, when the shared folder is present, the first lines of each shared file (which must be readable). */
    private static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("muse-p300-head.csv", true, Files.readAllBytes(fixture("muse-p300-head.csv"))));
        sources.add(new Source("muse-ssvep-stepback.csv", true, Files.readAllBytes(fixture("muse-ssvep-stepback.csv"))));
        sources.add(new Source("openbci-head.txt", false, Files.readAllBytes(fixture("openbci-head.txt"))));
        if (Files.isDirectory(DATA)) {
            for (String name : List.of(P300, SSVEP, OPENBCI)) {
                byte[] all = Files.readAllBytes(DATA.resolve(name));
                int end = 0;
                for (int lines = 0; lines < PREFIX_LINES && end < all.length; end++) {
                    lines += all[end] == '\n' ? 1 : 0;
                }
                sources.add(new Source(name, !name.equals(OPENBCI), Arrays.copyOf(all, end)));
            }
        }
        return sources;
    }

    @Test
    void mutatedCopiesOpenOrFailWithRecordingFormatException() throws IOException {
        List<Source> sources = sources();
        SplittableRandom seeds = new SplittableRandom(SEED);
        int opened = 0;
        int refused = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            long batchSeed = seeds.nextLong();
            String what = String.format("batch %d (seed %d)", batch, batchSeed);
            Tally t = assertTimeoutPreemptively(BATCH_LIMIT, () -> runBatch(sources, batchSeed), what);
            opened += t.opened();
            refused += t.refused();
        }
        int cases = BATCHES * CASES_PER_BATCH;
        String summary = String.format("%d cases: %d opened, %d refused", cases, opened, refused);
        assertTrue(opened > cases / 10 && refused > cases / 10, "both outcomes exercised: " + summary);
    }

    private Tally runBatch(List<Source> sources, long batchSeed) throws IOException {
        SplittableRandom rng = new SplittableRandom(batchSeed);
        int opened = 0;
        int refused = 0;
        Path file = dir.resolve("case.txt");
        for (int c = 0; c < CASES_PER_BATCH; c++) {
            Source source = sources.get(rng.nextInt(sources.size()));
            StringBuilder log = new StringBuilder("case ").append(c).append(" of seed ").append(batchSeed).append(": ")
                    .append(source.name());
            Files.write(file, mutate(source.bytes(), rng, log));
            boolean ownReader = rng.nextInt(10) < 9;
            boolean asMuse = ownReader ? source.muse() : !source.muse();
            log.append(asMuse ? ", read as muse" : ", read as OpenBCI");
            int chunk = 1 + rng.nextInt(300);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                readWhole(asMuse ? MuseCsvRecording.open(file) : OpenBciTextRecording.open(file), chunk, log);
                opened++;
            } catch (RecordingFormatException e) {
                refused++;
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(log + ": " + e, e);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated > ALLOCATION_LIMIT) {
                throw new AssertionError(log + ": allocated " + allocated + " bytes, more than " + ALLOCATION_LIMIT);
            }
        }
        return new Tally(opened, refused);
    }

    private static void readWhole(Recording recording, int chunk, StringBuilder log) throws IOException {
        try (recording) {
            for (RecordedStream stream : recording.streams()) {
                double[] t = new double[chunk];
                float[] v = new float[chunk * stream.channelCount()];
                long total = 0;
                double latest = Double.NEGATIVE_INFINITY;
                try (SampleCursor cursor = recording.open(stream)) {
                    int got;
                    while ((got = cursor.read(t, v, chunk)) >= 0) {
                        for (int i = 0; i < got; i++) {
                            if (!(t[i] >= latest) || !Double.isFinite(t[i])) {
                                throw new AssertionError(log + ": time " + t[i] + " after " + latest);
                            }
                            latest = t[i];
                        }
                        for (int i = 0; i < got * stream.channelCount(); i++) {
                            if (!Float.isFinite(v[i])) {
                                throw new AssertionError(log + ": value " + v[i]);
                            }
                        }
                        total += got;
                    }
                }
                if (total != stream.sampleCount()) {
                    throw new AssertionError(log + ": read " + total + " samples of the " + stream.sampleCount() + " announced");
                }
            }
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom rng, StringBuilder log) {
        byte[] b = original.clone();
        int kind = rng.nextInt(5);
        if (kind == 1 || kind == 2) {
            int flips = 1 + rng.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = rng.nextInt(b.length);
                int bit = rng.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                log.append(", flip bit ").append(bit).append(" at ").append(at);
            }
        }
        if (kind == 3) {
            int substitutions = 1 + rng.nextInt(4);
            for (int i = 0; i < substitutions; i++) {
                int at = rng.nextInt(b.length);
                b[at] = INTERESTING[rng.nextInt(INTERESTING.length)];
                log.append(", byte ").append(b[at]).append(" at ").append(at);
            }
        }
        if (kind == 4) {
            int from = rng.nextInt(b.length);
            int to = Math.min(b.length, from + 1 + rng.nextInt(64));
            byte[] cut = new byte[b.length - (to - from)];
            System.arraycopy(b, 0, cut, 0, from);
            System.arraycopy(b, to, cut, from, b.length - to);
            b = cut;
            log.append(", delete ").append(from).append("..").append(to);
        }
        if (kind == 0 || kind == 2) {
            int length = rng.nextInt(b.length + 1);
            b = Arrays.copyOf(b, length);
            log.append(", truncate to ").append(length);
        }
        return b;
    }
}
