package org.bcistream.streaming.recording.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Assumptions;

/** The shared test recordings, the generated fixtures, and reading a whole stream. */
final class EdfTestFiles {
    /** {@code /work/shared/data} seen from the module directory {@code streaming/}. */
    static final Path DATA = Path.of("../../shared/data");

    private EdfTestFiles() {}

    /**
     * A file of the shared data folder. Skips the test only when the folder itself is missing; a missing
     * file inside it fails when it is opened.
     */
    static Path data(String relative) {
        Assumptions.assumeTrue(Files.isDirectory(DATA),
                () -> "shared test data folder " + DATA.toAbsolutePath().normalize() + " is missing; skipping");
        return DATA.resolve(relative);
    }

    /** A fixture written by {@code src/test/resources/edf/make_fixtures.py}. */
    static Path fixture(String name) {
        URL url = EdfTestFiles.class.getResource("/edf/" + name);
        assertNotNull(url, "fixture /edf/" + name + " is not on the test class path; run make_fixtures.py");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** Every sample of a stream, sample-major. */
    record StreamData(double[] times, float[] values, int channels) {
        float value(int sample, int channel) {
            return values[sample * channels + channel];
        }

        /** One channel's samples as doubles. */
        double[] channel(int channel) {
            double[] out = new double[times.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i * channels + channel];
            }
            return out;
        }
    }

    /**
     * Reads a whole stream in chunks of {@code chunk} samples (chosen to straddle record boundaries), checking
     * the count against {@link RecordedStream#sampleCount()}, the first and last time stamps against the
     * stream's, and that time stamps increase.
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
            assertEquals(stream.firstTime(), times[0], 1e-12, stream.id() + ": first time stamp");
            assertEquals(stream.lastTime(), times[total - 1], 1e-9, stream.id() + ": last time stamp");
        }
        for (int i = 1; i < total; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new AssertionError(stream.id() + ": time stamps " + Arrays.toString(Arrays.copyOfRange(times, i - 1, i + 1))
                        + " at sample " + i + " do not increase");
            }
        }
        return new StreamData(times, values, ch);
    }

    /**
     * Amplitude of the sinusoid of frequency {@code hz} in {@code x} sampled at {@code rateHz}: least squares
     * over whole samples, {@code 2/N |sum x[n] exp(-i 2 pi hz n / rate)|}.
     */
    static double amplitudeAt(double[] x, int count, double rateHz, double hz) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < count; n++) {
            double phase = 2 * Math.PI * hz * n / rateHz;
            re += x[n] * Math.cos(phase);
            im -= x[n] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / count;
    }

    /** The frequency, among {@code step, 2 step, ...} below Nyquist, where {@link #amplitudeAt} peaks. */
    static double peakFrequency(double[] x, int count, double rateHz, double step) {
        double best = 0;
        double bestAmp = -1;
        for (int i = 1; i * step < rateHz / 2; i++) {
            double f = i * step;
            double a = amplitudeAt(x, count, rateHz, f);
            if (a > bestAmp) {
                bestAmp = a;
                best = f;
            }
        }
        return best;
    }
}
