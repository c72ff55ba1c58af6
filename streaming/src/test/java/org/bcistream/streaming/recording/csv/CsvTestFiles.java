package org.bcistream.streaming.recording.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared CSV recordings, the small fixtures, and reading a whole stream.
 *
 * <p>Fixtures in {@code src/test/resources/csv/}, cut unchanged from the shared files with {@code head} and
 * {@code sed}: {@code muse-p300-head.csv} (the P300 file's first 30 lines: header and 29 samples, one marker
 * {@code 1} on line 22), {@code muse-ssvep-stepback.csv} (the SSVEP file's header and its lines 3055-3070, where
 * its time stamps step back), {@code openbci-head.txt} (the OpenBCI file's 5 header lines and 40 samples, CRLF).
 */
final class CsvTestFiles {
    /** {@code /work/shared/data/csv} seen from the module directory {@code streaming/}. */
    static final Path DATA = Path.of("../../shared/data/csv");

    static final String P300 = "muse2016_visual-P300_subject1_session1_data_2017-02-04-15_45_13.csv";
    static final String SSVEP = "muse2016_visual-SSVEP_subject1_session1_data_2017-09-14-21.20.04.csv";
    static final String OPENBCI = "openbci-cyton_OpenBCI_GUI-v6-blinks-jawClench-alpha.txt";

    private CsvTestFiles() {}

    /**
     * A file of the shared data folder. Skips the test only when the folder itself is missing; a missing file
     * inside it fails when it is opened.
     */
    static Path data(String name) {
        Assumptions.assumeTrue(Files.isDirectory(DATA),
                () -> "shared test data folder " + DATA.toAbsolutePath().normalize() + " is missing; skipping");
        return DATA.resolve(name);
    }

    /** A fixture of {@code src/test/resources/csv/}. */
    static Path fixture(String name) {
        URL url = CsvTestFiles.class.getResource("/csv/" + name);
        assertNotNull(url, "fixture /csv/" + name + " is not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** A file's text, one char per byte. */
    static String text(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    }

    /** Every sample of a stream, sample-major. */
    record StreamData(double[] times, float[] values, int channels) {
        float value(int sample, int channel) {
            return values[sample * channels + channel];
        }
    }

    /**
     * Reads a whole stream in chunks of {@code chunk} samples, checking the count against
     * {@link RecordedStream#sampleCount()}, the first and last time stamps against the stream's, that time never
     * decreases, and that the end stays the end.
     */
    static StreamData readAll(Recording recording, RecordedStream stream, int chunk) throws IOException {
        int total = Math.toIntExact(stream.sampleCount());
        int ch = stream.channelCount();
        double[] times = new double[total];
        float[] values = new float[total * ch];
        double[] t = new double[chunk];
        float[] v = new float[chunk * ch];
        int n = 0;
        try (SampleCursor cursor = recording.open(stream)) {
            int got;
            while ((got = cursor.read(t, v, chunk)) >= 0) {
                assertTrue(n + got <= total, () -> stream.id() + ": more samples than the " + total + " announced");
                System.arraycopy(t, 0, times, n, got);
                System.arraycopy(v, 0, values, n * ch, got * ch);
                n += got;
            }
            assertEquals(-1, cursor.read(t, v, chunk), "end of stream stays the end");
        }
        assertEquals(total, n, stream.id() + ": samples read");
        if (total > 0) {
            assertEquals(stream.firstTime(), times[0], 0.0, stream.id() + ": first time stamp");
            assertEquals(stream.lastTime(), times[total - 1], 0.0, stream.id() + ": last time stamp");
        }
        for (int i = 1; i < total; i++) {
            if (times[i] < times[i - 1]) {
                throw new AssertionError(stream.id() + ": time stamps " + Arrays.toString(Arrays.copyOfRange(times, i - 1, i + 1))
                        + " at sample " + i + " decrease");
            }
        }
        return new StreamData(times, values, ch);
    }
}
