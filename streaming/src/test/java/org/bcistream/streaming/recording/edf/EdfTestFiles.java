package org.bcistream.streaming.recording.edf;


import java.io.IOException;
import java.nio.file.Path;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingTestFiles;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;

/** The shared test recordings, the generated fixtures, and reading a whole stream. */
final class EdfTestFiles {

    private EdfTestFiles() {}

    /** A file of the shared data folder, e.g. {@code edf/S001R04.edf}. */
    static Path data(String relative) {
        return RecordingTestFiles.data(relative);
    }

    /** A fixture written by {@code src/test/resources/edf/make_fixtures.py}. */
    static Path fixture(String name) {
        return RecordingTestFiles.fixture("edf", name);
    }

    /** Reads a whole stream (chunks chosen to straddle record boundaries); time stamps must increase. */
    static StreamData readAll(Recording recording, RecordedStream stream, int chunk) throws IOException {
        return RecordingTestFiles.readAll(recording, stream, chunk, true, 1e-9);
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
