package org.bcistream.streaming.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/** The shared test recordings, the readers' fixtures, and reading a whole stream with its contract checked. */
public final class RecordingTestFiles {
    /** {@code shared/data} seen from the module directory {@code streaming/} surefire runs in. */
    public static final Path DATA = Path.of("../../shared/data");

    private RecordingTestFiles() {}

    /**
     * A file of the shared data folder, e.g. {@code edf/S001R04.edf}. Skips the test only when the folder itself
     * is missing; a missing file inside it fails when it is opened.
     */
    public static Path data(String relative) {
        Assumptions.assumeTrue(Files.isDirectory(DATA),
                () -> "shared test data folder " + DATA.toAbsolutePath().normalize() + " is missing; skipping");
        return DATA.resolve(relative);
    }

    /** A fixture of {@code src/test/resources/<folder>/}. */
    public static Path fixture(String folder, String name) {
        String resource = "/" + folder + "/" + name;
        URL url = RecordingTestFiles.class.getResource(resource);
        assertNotNull(url, "fixture " + resource + " is not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** Every sample of a stream, sample-major. */
    public record StreamData(double[] times, float[] values, int channels) {
        public float value(int sample, int channel) {
            return values[sample * channels + channel];
        }

        /** One channel's samples as doubles. */
        public double[] channel(int channel) {
            double[] out = new double[times.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i * channels + channel];
            }
            return out;
        }
    }

    /**
     * Reads a whole stream in chunks of {@code chunk} samples, checking the count against
     * {@link RecordedStream#sampleCount()}, the first and last time stamps against the stream's (within
     * {@code timeTolerance}), that time stamps increase ({@code strictly}) or never decrease, and that the end
     * stays the end.
     */
    public static StreamData readAll(Recording recording, RecordedStream stream, int chunk, boolean strictly, double timeTolerance)
            throws IOException {
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
            assertEquals(stream.firstTime(), times[0], timeTolerance, stream.id() + ": first time stamp");
            assertEquals(stream.lastTime(), times[total - 1], timeTolerance, stream.id() + ": last time stamp");
        }
        for (int i = 1; i < total; i++) {
            if (strictly ? !(times[i] > times[i - 1]) : times[i] < times[i - 1]) {
                throw new AssertionError(stream.id() + ": time stamps " + Arrays.toString(Arrays.copyOfRange(times, i - 1, i + 1))
                        + " at sample " + i + (strictly ? " do not increase" : " decrease"));
            }
        }
        return new StreamData(times, values, ch);
    }
}
