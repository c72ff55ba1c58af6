package org.bcistream.models.audio;

import java.util.Locale;
import org.bcistream.models.random.SplitMix64;

/**
 * Griffin-Lim phase reconstruction (Griffin &amp; Lim 1984, doi:10.1109/TASSP.1984.1164317) with the
 * momentum of the "fast Griffin-Lim" of Perraudin, Balazs &amp; Sondergaard 2013
 * (doi:10.1109/WASPAA.2013.6701851), as {@code librosa.griffinlim} implements it:
 *
 * <pre>
 * angles = initial phase; rebuilt = 0
 * repeat iterations times:
 *     tprev = rebuilt
 *     rebuilt = STFT(ISTFT(S angles))
 *     angles = rebuilt - momentum / (1 + momentum) tprev;  angles /= |angles| + tiny
 * return ISTFT(S angles)
 * </pre>
 *
 * As a {@link Vocoder} the target magnitude {@code S} comes from the log-mel through
 * {@code exp}, then {@link MelFilterBank#toLinear} (pseudo-inverse clamped at 0). Cost per iteration: one
 * inverse and one forward FFT per frame. Output is deterministic for a given {@link InitialPhase}.
 *
 * <p><b>Streaming</b> ({@link #openStream()}): each chunk runs the same iterations over the frames not yet
 * committed, with the already-committed signal (the overlap-added tails of earlier frames) held fixed as
 * context; all but the last {@code lookaheadFrames} frames are then committed and overlap-added, which
 * adds {@code lookaheadFrames x hop} of latency but lets those frames be refined once their right
 * neighbours arrive. With 0 iterations the stream equals {@link #synthesize} exactly.
 *
 * <pre>{@code
 * GriffinLim vocoder = GriffinLim.builder(MelConfig.DEFAULT)
 *         .optIterations(32)                       // default 32, as librosa and torchaudio
 *         .optMomentum(0.99)                       // default 0.99; 0 is plain Griffin-Lim
 *         .optInitialPhase(InitialPhase.random(7)) // default random(InitialPhase.DEFAULT_SEED)
 *         .optLookaheadFrames(2)                   // streaming only; default 2
 *         .build();
 * float[] audio = vocoder.synthesize(logMel);
 * }</pre>
 *
 * <p>Immutable; {@link #synthesize} may be called from several threads (it allocates its own buffers).
 */
public final class GriffinLim implements Vocoder {
    private final MelConfig config;
    private final MelFilterBank bank;
    private final int iterations;
    private final double momentum;
    private final InitialPhase initialPhase;
    private final int lookaheadFrames;

    private GriffinLim(Builder b) {
        this.config = b.config;
        this.bank = MelFilterBank.slaney(b.config);
        this.iterations = b.iterations;
        this.momentum = b.momentum;
        this.initialPhase = b.initialPhase;
        this.lookaheadFrames = b.lookaheadFrames;
    }

    /** A builder for the front end {@code config}; see the class comment for the defaults. */
    public static Builder builder(MelConfig config) {
        return new Builder(config);
    }

    @Override
    public MelConfig melConfig() {
        return config;
    }

    /** Iterations per reconstruction (and per streamed chunk). */
    public int iterations() {
        return iterations;
    }

    @Override
    public float[] synthesize(float[][] logMel) {
        double[][] magnitude = magnitudes(logMel);
        double[] x = reconstruct(magnitude, config.sampleCount(magnitude.length));
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /**
     * Griffin-Lim on a linear magnitude spectrogram.
     *
     * @param magnitude {@code [frames][nFft/2 + 1]}, non-negative
     * @param length output samples; {@code 1 + length / hop} must equal the frame count, and with
     *     iterations the signal must be longer than {@code nFft / 2} to be re-analysed
     */
    public double[] reconstruct(double[][] magnitude, int length) {
        int frames = magnitude.length;
        if (frames == 0) {
            return new double[0];
        }
        Stft stft = Stft.of(config);
        if (iterations > 0 && length <= config.nFft() / 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Griffin-Lim iterations need more than %d samples (%d frames); got %d samples",
                    config.nFft() / 2, config.frameCount(config.nFft() / 2 + 1), length));
        }
        int width = config.nFft() + 2;
        double[][] angles = new double[frames][width];
        SplitMix64 generator = initialPhase.newGenerator();
        for (double[] a : angles) {
            InitialPhase.fill(generator, a, config.bins());
        }
        double[][] spectra = new double[frames][width];
        double[][] rebuilt = new double[frames][width];
        double[][] previous = new double[frames][width];
        double[] x = new double[length];
        for (int it = 0; it < iterations; it++) {
            double[][] swap = previous;
            previous = rebuilt;
            rebuilt = swap;
            for (int t = 0; t < frames; t++) {
                applyMagnitude(magnitude[t], angles[t], spectra[t]);
            }
            stft.inverse(spectra, x);
            stft.forward(x, rebuilt);
            for (int t = 0; t < frames; t++) {
                updateAngles(rebuilt[t], previous[t], momentum, angles[t]);
            }
        }
        for (int t = 0; t < frames; t++) {
            applyMagnitude(magnitude[t], angles[t], spectra[t]);
        }
        stft.inverse(spectra, x);
        return x;
    }

    @Override
    public VocoderStream openStream() {
        return new GriffinLimStream(config, bank, iterations, momentum, initialPhase.newGenerator(), lookaheadFrames);
    }

    /** Linear magnitudes of validated log-mel frames. */
    private double[][] magnitudes(float[][] logMel) {
        double[][] out = new double[logMel.length][];
        for (int t = 0; t < logMel.length; t++) {
            out[t] = linearMagnitude(bank, logMel, t);
        }
        return out;
    }

    /** {@code max(0, pinv(M) exp(logMel[t]))}, after checking the frame's width and values. */
    static double[] linearMagnitude(MelFilterBank bank, float[][] logMel, int t) {
        float[] row = logMel[t];
        if (row.length != bank.bands()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "log-mel frame %d has %d bands; the vocoder expects %d", t, row.length, bank.bands()));
        }
        double[] mel = new double[row.length];
        for (int m = 0; m < row.length; m++) {
            if (!Float.isFinite(row[m])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "log-mel frame %d band %d is %s; values must be finite", t, m, row[m]));
            }
            mel[m] = Math.exp(row[m]);
        }
        double[] magnitude = new double[bank.bins()];
        bank.toLinear(mel, magnitude);
        return magnitude;
    }

    /** {@code spectrum = magnitude x angles}, per bin. */
    static void applyMagnitude(double[] magnitude, double[] angles, double[] spectrum) {
        for (int k = 0; k < magnitude.length; k++) {
            spectrum[2 * k] = magnitude[k] * angles[2 * k];
            spectrum[2 * k + 1] = magnitude[k] * angles[2 * k + 1];
        }
    }

    /** {@code angles = normalise(rebuilt - momentum / (1 + momentum) previous)}, per bin. */
    static void updateAngles(double[] rebuilt, double[] previous, double momentum, double[] angles) {
        double beta = momentum / (1 + momentum);
        for (int i = 0; i < angles.length; i += 2) {
            double re = rebuilt[i] - beta * previous[i];
            double im = rebuilt[i + 1] - beta * previous[i + 1];
            double norm = Math.sqrt(re * re + im * im) + Double.MIN_NORMAL;
            angles[i] = re / norm;
            angles[i + 1] = im / norm;
        }
    }

    /** Collects and validates the settings; every setting is optional. */
    public static final class Builder {
        private final MelConfig config;
        private int iterations = 32;
        private double momentum = 0.99;
        private InitialPhase initialPhase = InitialPhase.random(InitialPhase.DEFAULT_SEED);
        private int lookaheadFrames = 2;

        private Builder(MelConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("mel configuration is required");
            }
            this.config = config;
        }

        /** Iterations, at least 0 (0 = one inverse STFT with the initial phase). */
        public Builder optIterations(int value) {
            this.iterations = value;
            return this;
        }

        /** Momentum, in [0, 1); 0.99 as librosa. */
        public Builder optMomentum(double value) {
            this.momentum = value;
            return this;
        }

        /** Initial phase, zero or seeded random. */
        public Builder optInitialPhase(InitialPhase value) {
            this.initialPhase = value;
            return this;
        }

        /** Frames a stream keeps uncommitted for refinement, at least 0. */
        public Builder optLookaheadFrames(int value) {
            this.lookaheadFrames = value;
            return this;
        }

        /** The vocoder; checks every setting. */
        public GriffinLim build() {
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations must be at least 0; got " + iterations);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1); got " + momentum);
            }
            if (initialPhase == null) {
                throw new IllegalArgumentException("initial phase must not be null");
            }
            if (lookaheadFrames < 0) {
                throw new IllegalArgumentException("lookahead frames must be at least 0; got " + lookaheadFrames);
            }
            return new GriffinLim(this);
        }
    }
}
