package org.bcistream.streaming.recording.xdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random truncations, bit flips and byte overwrites (anywhere, and aimed at chunk headers) of small XDF
 * files, each opened and read through
 * every stream: the only exception allowed out is {@link RecordingFormatException}, every batch finishes within
 * its time limit, and no case allocates more than {@link #MAX_CASE_ALLOCATION} bytes (measured per thread).
 */
class XdfFuzzTest {
    private static final long SEED = 0x5EED_0001_2026L;
    private static final int CASES_PER_FILE = 600;
    private static final int BATCH = 200;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(15);
    /** Per case; the files are at most a few kilobytes, so anything near this is a length taken on trust. */
    private static final long MAX_CASE_ALLOCATION = 32L << 20;
    private static final List<String> SHARED = List.of("minimal.xdf", "empty_streams.xdf", "twochannel_string_marker.xdf",
            "chunk_length_lie.xdf");
    private static final int[] SPECIAL_BYTES = {0x00, 0x01, 0x04, 0x08, 0x7F, 0x80, 0xFF};

    @TempDir
    Path dir;

    @Test
    void mutatedFilesOpenOrFailWithAFormatExceptionOnly() throws IOException {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        if (Files.isDirectory(XdfTestData.FOLDER)) {
            for (String name : SHARED) {
                sources.put(name, Files.readAllBytes(XdfTestData.FOLDER.resolve(name)));
            }
        } else {
            System.err.println("XdfFuzzTest: shared XDF test data folder " + XdfTestData.FOLDER.toAbsolutePath().normalize()
                    + " is missing; fuzzing the written files only");
        }
        sources.put("written-all-formats", allFormats(dir.resolve("all-formats.xdf")));
        sources.put("written-clock-reset", clockReset(dir.resolve("clock-reset.xdf")));
        Path target = dir.resolve("case.xdf");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] outcomes = new int[2];
        int fileIndex = 0;
        for (Map.Entry<String, byte[]> source : sources.entrySet()) {
            int file = fileIndex++;
            for (int from = 0; from < CASES_PER_FILE; from += BATCH) {
                int first = from;
                assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                    for (int c = first; c < first + BATCH; c++) {
                        long seed = SEED + 1_000_003L * file + c;
                        SplittableRandom random = new SplittableRandom(seed);
                        StringBuilder mutation = new StringBuilder();
                        byte[] bytes = mutate(source.getValue(), random, mutation);
                        Files.write(target, bytes);
                        XdfOptions options = c % 2 == 0 ? XdfOptions.DEFAULTS : XdfOptions.RAW;
                        long before = threads.getCurrentThreadAllocatedBytes();
                        try {
                            readEverything(target, options);
                            outcomes[0]++;
                        } catch (RecordingFormatException expected) {
                            outcomes[1]++;
                        } catch (Throwable t) {
                            fail(String.format(Locale.ROOT, "%s case %d (seed %d, %s): %s escaped", source.getKey(), c, seed,
                                    mutation, t), t);
                        }
                        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                        assertTrue(allocated < MAX_CASE_ALLOCATION, String.format(Locale.ROOT,
                                "%s case %d (seed %d, %s) allocated %d bytes", source.getKey(), c, seed, mutation, allocated));
                    }
                }, () -> source.getKey() + " cases " + first + ".." + (first + BATCH - 1) + " did not finish in " + BATCH_LIMIT);
            }
        }
        assertEquals(sources.size() * CASES_PER_FILE, outcomes[0] + outcomes[1]);
        // both outcomes occur: the mutations are neither all harmless nor all fatal
        assertTrue(outcomes[0] > 100 && outcomes[1] > 100, Arrays.toString(outcomes));
    }

    private static void readEverything(Path file, XdfOptions options) throws IOException {
        try (XdfRecording r = XdfRecording.open(file, options)) {
            for (RecordedStream s : r.streams()) {
                double[] t = new double[64];
                float[] v = new float[64 * s.channelCount()];
                long n = 0;
                try (SampleCursor c = r.open(s)) {
                    int got;
                    while ((got = c.read(t, v, 64)) > 0) {
                        n += got;
                    }
                }
                assertEquals(s.sampleCount(), n, "samples read from stream " + s.id());
            }
            assertEquals(r.details().stream().filter(d -> d.format() == XdfChannelFormat.STRING).mapToLong(XdfStreamDetails::sampleCount).sum(),
                    r.markers().size());
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random, StringBuilder mutation) {
        byte[] bytes = original.clone();
        int kind = random.nextInt(5);
        if (kind == 4) {
            // aim at the structure: length widths, lengths, tags, ids, sample counts, first stamps, string lengths
            List<Integer> starts = chunkStarts(original);
            int writes = 1 + random.nextInt(3);
            for (int i = 0; i < writes; i++) {
                int at = Math.min(bytes.length - 1, starts.get(random.nextInt(starts.size())) + random.nextInt(24));
                int value = random.nextBoolean() ? SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)] : random.nextInt(256);
                bytes[at] = (byte) value;
                mutation.append(String.format(Locale.ROOT, "byte %d = 0x%02X; ", at, value));
            }
        }
        if (kind == 1 || kind == 3) {
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = random.nextInt(bytes.length);
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                mutation.append(String.format(Locale.ROOT, "flip byte %d bit %d; ", at, bit));
            }
        }
        if (kind == 2) {
            int writes = 1 + random.nextInt(4);
            for (int i = 0; i < writes; i++) {
                int at = random.nextInt(bytes.length);
                int value = random.nextBoolean() ? SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)] : random.nextInt(256);
                bytes[at] = (byte) value;
                mutation.append(String.format(Locale.ROOT, "byte %d = 0x%02X; ", at, value));
            }
        }
        if (kind == 0 || kind == 3) {
            int length = random.nextInt(bytes.length + 1);
            bytes = Arrays.copyOf(bytes, length);
            mutation.append("truncate to ").append(length).append(" bytes");
        }
        return bytes;
    }

    /** Byte offsets of the chunks of a well-formed file. */
    private static List<Integer> chunkStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        int at = Xdf.MAGIC.length;
        while (at < bytes.length) {
            starts.add(at);
            int width = bytes[at];
            if (width != 1 && width != 4 && width != 8 || at + 1 + width > bytes.length) {
                break;
            }
            long length = 0;
            for (int i = width - 1; i >= 0; i--) {
                length = length << 8 | (bytes[at + 1 + i] & 0xFF);
            }
            at += 1 + width + (int) Math.min(length, bytes.length);
        }
        return starts;
    }

    /** Every channel format, clock offsets, Boundaries every second. */
    private static byte[] allFormats(Path file) throws IOException {
        try (XdfWriter w = XdfWriter.create(file, Clock.systemUTC(), 1)) {
            for (XdfChannelFormat format : XdfChannelFormat.values()) {
                int channels = format == XdfChannelFormat.STRING ? 2 : 3;
                int id = w.addStream(XdfStreamDescription.of(format.xmlName(), "test", channels, format.isInteger() ? 0 : 4, format)
                        .withChannels(List.of("a", "b", "c").subList(0, channels), List.of(), List.of()));
                for (int chunk = 0; chunk < 3; chunk++) {
                    double[] t = {chunk, chunk + 0.25, chunk + 0.5};
                    switch (format) {
                        case STRING -> w.writeStrings(id, t, new String[] {"A", "bb", "", "x".repeat(260), "é", "z"}, 3);
                        case FLOAT32 -> w.writeSamples(id, t, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3);
                        case DOUBLE64 -> w.writeSamples(id, t, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3);
                        default -> w.writeIntegers(id, t, new long[] {-1, 0, 1, 2, 3, 4, 5, 6, 7}, 3);
                    }
                    w.writeClockOffset(id, chunk, -0.5 + 0.01 * chunk);
                }
            }
        }
        return Files.readAllBytes(file);
    }

    /** One regular stream whose sender clock restarts halfway, with offsets on both sides. */
    private static byte[] clockReset(Path file) throws IOException {
        try (XdfWriter w = XdfWriter.create(file, Clock.systemUTC(), 2)) {
            int id = w.addStream(XdfStreamDescription.of("reset", "EEG", 1, 10, XdfChannelFormat.FLOAT32));
            for (int k = 0; k < 40; k++) {
                double remote = k < 20 ? 500 + 0.1 * k : 3 + 0.1 * (k - 20);
                w.writeSamples(id, new double[] {remote}, new float[] {k}, 1);
                if (k % 5 == 0) {
                    w.writeClockOffset(id, remote, k < 20 ? -400 : 200);
                }
            }
        }
        return Files.readAllBytes(file);
    }
}
