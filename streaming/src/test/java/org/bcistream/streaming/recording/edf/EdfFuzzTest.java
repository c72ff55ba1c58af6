package org.bcistream.streaming.recording.edf;

import static org.bcistream.streaming.recording.edf.EdfTestFiles.data;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random truncations, bit flips, rewritten header numbers and TAL control bytes applied to the small
 * BDF file and the header of every EDF file (1500 cases), and to the generated fixtures (1500 cases); each
 * copy is opened and every stream read to its end. Only {@link RecordingFormatException} may escape, every batch finishes within its
 * time limit, and no case allocates more than {@link #allocationBound(long)}.
 */
class EdfFuzzTest {
    private static final long SEED = 20_261_122L;
    private static final int BATCHES = 6;
    private static final int CASES_PER_BATCH = 250;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(30);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Numeric fields of the fixed header: offset, width. */
    private static final int[][] FIXED_NUMBERS = {{184, 8}, {236, 8}, {244, 8}, {252, 4}};
    /** Widths of the per-signal fields, in header order. */
    private static final int[] SIGNAL_WIDTHS = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};
    private static final byte[] TAL_BYTES = {0x14, 0x15, 0x00, '+', '-', '.', '0', '9'};

    @TempDir
    Path dir;

    private record Source(String name, String extension, byte[] bytes, int signals, int headerBytes) {}

    private record Tally(int opened, int refused) {}

    @Test
    void mutatedSharedFilesOpenOrFailWithRecordingFormatException() throws IOException {
        List<Source> sources = new ArrayList<>();
        sources.add(source("biosemi-activetwo_mne-test.bdf", "bdf", Files.readAllBytes(data("bdf/biosemi-activetwo_mne-test.bdf")), false));
        try (Stream<Path> edf = Files.list(data("edf"))) {
            for (Path p : edf.filter(p -> p.toString().endsWith(".edf")).sorted().toList()) {
                sources.add(source(p.getFileName() + " header", "edf", Files.readAllBytes(p), true));
            }
        }
        fuzz(sources, SEED);
    }

    @Test
    void mutatedFixturesOpenOrFailWithRecordingFormatException() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String name : List.of("discontinuous.edf", "discontinuous_backwards.edf", "annotations.edf", "bad_tal.edf", "triggers.bdf")) {
            sources.add(source(name, name.substring(name.length() - 3), Files.readAllBytes(fixture(name)), false));
        }
        fuzz(sources, SEED + 1);
    }

    private void fuzz(List<Source> sources, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
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
        for (int c = 0; c < CASES_PER_BATCH; c++) {
            Source source = sources.get(rng.nextInt(sources.size()));
            StringBuilder log = new StringBuilder(source.name());
            byte[] bytes = mutate(source, rng, log);
            Path file = dir.resolve("case." + source.extension());
            Files.write(file, bytes);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                openAndReadEverything(file);
                opened++;
            } catch (RecordingFormatException expected) {
                refused++;
            } catch (Throwable other) {
                throw new AssertionError(String.format("seed %d, case %d (%s): %s escaped", batchSeed, c, log, other), other);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated > allocationBound(bytes.length)) {
                throw new AssertionError(String.format("seed %d, case %d (%s): %d bytes allocated for a %d-byte file, bound %d",
                        batchSeed, c, log, allocated, bytes.length, allocationBound(bytes.length)));
            }
        }
        return new Tally(opened, refused);
    }

    /** What one case may allocate: a few times the file (one record and its floats per cursor) plus slack. */
    private static long allocationBound(long fileBytes) {
        return 6 * fileBytes + (8L << 20);
    }

    private static void openAndReadEverything(Path file) throws IOException {
        try (EdfRecording rec = EdfRecording.open(file)) {
            List<RecordedMarker> markers = rec.markers();
            for (int i = 1; i < markers.size(); i++) {
                if (markers.get(i).time() < markers.get(i - 1).time()) {
                    throw new AssertionError("markers out of time order at " + i + ": " + markers.subList(i - 1, i + 1));
                }
            }
            for (RecordedStream s : rec.streams()) {
                double[] t = new double[256];
                float[] v = new float[256 * s.channelCount()];
                long n = 0;
                try (SampleCursor cursor = rec.open(s)) {
                    int got;
                    while ((got = cursor.read(t, v, 256)) >= 0) {
                        n += got;
                    }
                }
                if (n != s.sampleCount()) {
                    throw new AssertionError(s.id() + ": read " + n + " samples of " + s.sampleCount());
                }
            }
        }
    }

    private static byte[] mutate(Source s, SplittableRandom rng, StringBuilder log) {
        byte[] b = s.bytes().clone();
        int operations = 1 + rng.nextInt(3);
        for (int op = 0; op < operations; op++) {
            switch (rng.nextInt(5)) {
                case 0 -> {
                    int length = rng.nextInt(b.length + 1);
                    log.append(", truncated to ").append(length);
                    b = Arrays.copyOf(b, length);
                }
                case 1 -> {
                    int flips = 1 + rng.nextInt(8);
                    for (int i = 0; i < flips && b.length > 0; i++) {
                        int at = rng.nextInt(b.length);
                        b[at] ^= (byte) (1 << rng.nextInt(8));
                        log.append(", bit flip at ").append(at);
                    }
                }
                case 2 -> {
                    int end = Math.min(b.length, s.headerBytes());
                    for (int i = 0; i < 1 + rng.nextInt(4) && end > 0; i++) {
                        int at = rng.nextInt(end);
                        b[at] ^= (byte) (1 << rng.nextInt(8));
                        log.append(", header bit flip at ").append(at);
                    }
                }
                case 3 -> rewriteNumber(b, s, rng, log);
                default -> {
                    for (int i = 0; i < 1 + rng.nextInt(6) && b.length > s.headerBytes(); i++) {
                        int at = s.headerBytes() + rng.nextInt(b.length - s.headerBytes());
                        b[at] = TAL_BYTES[rng.nextInt(TAL_BYTES.length)];
                        log.append(", data byte ").append(at).append(" = ").append(b[at]);
                    }
                }
            }
        }
        return b;
    }

    /** Writes a random integer, decimal or junk into a numeric header field. */
    private static void rewriteNumber(byte[] b, Source s, SplittableRandom rng, StringBuilder log) {
        int offset;
        int width;
        if (rng.nextBoolean()) {
            int[] f = FIXED_NUMBERS[rng.nextInt(FIXED_NUMBERS.length)];
            offset = f[0];
            width = f[1];
        } else {
            int field = 3 + rng.nextInt(6);
            int start = 256;
            for (int f = 0; f < field; f++) {
                start += s.signals() * SIGNAL_WIDTHS[f];
            }
            width = SIGNAL_WIDTHS[field];
            offset = start + rng.nextInt(s.signals()) * width;
        }
        String text = switch (rng.nextInt(4)) {
            case 0 -> Long.toString(rng.nextLong(-2, 100));
            case 1 -> Long.toString(rng.nextLong(-9_999_999L, 99_999_999L));
            case 2 -> String.format(java.util.Locale.ROOT, "%.3f", rng.nextDouble(-1e4, 1e4));
            default -> List.of("", "-", "1e9", "NaN", "0x10", " 1 2", "-0", "+.5").get(rng.nextInt(8));
        };
        if (text.length() > width) {
            text = text.substring(0, width);
        }
        if (offset + width <= b.length) {
            byte[] field = String.format("%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(field, 0, b, offset, width);
            log.append(", field at ").append(offset).append(" = '").append(text).append('\'');
        }
    }

    private static Source source(String name, String extension, byte[] bytes, boolean headerOnly) {
        int signals = Integer.parseInt(new String(bytes, 252, 4, StandardCharsets.US_ASCII).trim());
        int headerBytes = 256 * (signals + 1);
        return new Source(name, extension, headerOnly ? Arrays.copyOf(bytes, headerBytes) : bytes, signals, headerBytes);
    }
}
