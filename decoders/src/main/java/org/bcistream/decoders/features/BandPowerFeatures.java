package org.bcistream.decoders.features;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.bcistream.decoders.preprocess.ChannelMismatchException;
import org.bcistream.decoders.preprocess.SampleRateMismatchException;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.SignalChunk;

/**
 * Sliding-window log band power of preprocessed signal chunks: one {@link FeatureFrame} per window, rows =
 * channels, columns = {@link FeatureConfig#bands() bands}.
 *
 * <p><b>Windows.</b> With {@code N = round(windowSeconds * rate)} samples and {@code H = hopSeconds * rate}
 * (not necessarily whole), window k (from 0) covers the session's samples
 * {@code [e_k - N + 1, e_k]} with {@code e_k = N - 1 + floor(k H + 0.5)}: the first window ends when N
 * samples have arrived, later ones every H samples on average. Windows span chunk boundaries (a ring buffer
 * in {@link BandPowerState}); the frame time is the time stamp of sample {@code e_k} and the ingest instant
 * that of the chunk holding it.
 *
 * <p><b>Value.</b> For each channel and band {@code [low, high)}: the natural log of the mean one-sided
 * periodogram density, in microvolts squared per hertz, over the FFT bins {@code k rate / N} with
 * {@code low <= f < high}, floored at {@link #POWER_FLOOR}: {@code ln(max(mean P[k], 1e-10))}. The periodogram
 * removes the window mean and applies a periodic Hann window, scaled as a density
 * ({@code |X[k]|^2 / (rate sum w^2)}, doubled except at 0 Hz and Nyquist), i.e. what
 * {@code scipy.signal.periodogram(x, fs, window='hann', detrend='constant', scaling='density')} gives.
 *
 * <p><b>Normalisation.</b> When {@link FeatureConfig#normalize()} is on, each vector of
 * {@code channels x bands} log powers updates an {@link OnlineNormalizer} and is replaced by its z-scores;
 * the first {@code warmUpFrames} windows only train it and are not emitted, so window k becomes frame
 * {@code k - warmUpFrames}. Otherwise window k is frame k. Frame indices thus count emitted frames from 0.
 *
 * <p>Results do not depend on how the stream is chunked. Input chunks are finite by contract; so are the
 * frames. One instance per thread (it owns scratch buffers; per-session data is in the state); allocates
 * only the emitted frames (plus JTransforms' scratch for window lengths that are not powers of two).
 */
public final class BandPowerFeatures {
    /** Floor of the band-power density before the logarithm, microvolts squared per hertz. */
    public static final double POWER_FLOOR = 1e-10;

    private static final double RATE_TOLERANCE = 1e-9;

    private final int channels;
    private final double rateHz;
    private final int windowSamples;
    private final double hopSamples;
    private final int bandCount;
    private final int[] firstBin;
    private final int[] endBin;
    private final HannPeriodogram periodogram;
    private final OnlineNormalizer normalizer;
    private final int warmUpFrames;
    private final double[] windowScratch;
    private final double[] densityScratch;
    private final double[] featureScratch;

    /**
     * @param channels channels of the preprocessed chunks, &gt; 0
     * @param rateHz their nominal rate, hertz
     * @param config windows, bands and normalisation
     * @throws InvalidFeatureConfigException if the window is under 2 samples, the hop under 1 sample, or a
     *     band reaches above Nyquist or holds no FFT bin at this window length
     */
    public BandPowerFeatures(int channels, double rateHz, FeatureConfig config) {
        Objects.requireNonNull(config, "config");
        if (channels < 1 || !(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw invalid("band power needs >= 1 channel and a finite rate > 0 Hz; got %d channels at %s Hz", channels, rateHz);
        }
        this.channels = channels;
        this.rateHz = rateHz;
        this.windowSamples = (int) Math.floor(config.windowSeconds() * rateHz + 0.5);
        this.hopSamples = config.hopSeconds() * rateHz;
        if (windowSamples < 2) {
            throw invalid("window of %s s is %d samples at %s Hz; at least 2 are needed", config.windowSeconds(),
                    windowSamples, rateHz);
        }
        if (hopSamples < 1) {
            throw invalid("hop of %s s is %s samples at %s Hz; at least 1 is needed", config.hopSeconds(), hopSamples, rateHz);
        }
        this.periodogram = new HannPeriodogram(windowSamples, rateHz);
        List<FrequencyBand> bands = config.bands();
        this.bandCount = bands.size();
        this.firstBin = new int[bandCount];
        this.endBin = new int[bandCount];
        for (int b = 0; b < bandCount; b++) {
            resolveBins(b, bands.get(b), config.windowSeconds());
        }
        this.normalizer = config.normalize()
                ? new OnlineNormalizer(channels * bandCount, config.forgettingFactor(), config.warmUpFrames())
                : null;
        this.warmUpFrames = config.normalize() ? config.warmUpFrames() : 0;
        this.windowScratch = new double[windowSamples];
        this.densityScratch = new double[periodogram.binCount()];
        this.featureScratch = new double[channels * bandCount];
    }

    /** A fresh per-session state: empty window, no frames yet, fresh normaliser statistics. */
    public BandPowerState newState() {
        NormalizerState statistics = normalizer != null ? normalizer.newState() : new NormalizerState();
        return new BandPowerState(windowSamples * channels, statistics);
    }

    /**
     * Adds one chunk to the session's window and emits a frame for every window that ends inside it, in
     * order.
     *
     * @param preprocessed a preprocessed chunk with this stage's channel count and rate
     * @param state this session's state from {@link #newState()}
     * @param out receives the frames
     * @throws ChannelMismatchException if the chunk's channel count differs
     * @throws SampleRateMismatchException if the chunk's nominal rate differs
     */
    public void process(SignalChunk preprocessed, BandPowerState state, Consumer<FeatureFrame> out) {
        if (preprocessed.channelCount() != channels) {
            throw new ChannelMismatchException(String.format(Locale.ROOT,
                    "chunk of session %s has %d channels, the band-power stage expects %d", preprocessed.sessionId(),
                    preprocessed.channelCount(), channels), preprocessed.channelCount(), channels);
        }
        if (!(Math.abs(preprocessed.nominalRateHz() - rateHz) <= RATE_TOLERANCE * rateHz)) {
            throw new SampleRateMismatchException(String.format(Locale.ROOT,
                    "chunk of session %s has nominal rate %s Hz, the band-power stage runs at %s Hz",
                    preprocessed.sessionId(), preprocessed.nominalRateHz(), rateHz), preprocessed.nominalRateHz(), rateHz);
        }
        float[] ring = state.getRing();
        if (ring == null || ring.length != windowSamples * channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "band-power state holds %d ring values; this stage needs %d samples x %d channels",
                    ring == null ? 0 : ring.length, windowSamples, channels));
        }
        long seen = state.getSamplesSeen();
        long nextEnd = windowEnd(state.getWindowsComputed());
        for (int s = 0; s < preprocessed.sampleCount(); s++, seen++) {
            int base = (int) (seen % windowSamples) * channels;
            for (int c = 0; c < channels; c++) {
                ring[base + c] = preprocessed.sample(s, c);
            }
            if (seen == nextEnd) {
                analyseWindow(seen, state, preprocessed, s, out);
                nextEnd = windowEnd(state.getWindowsComputed());
            }
        }
        state.setSamplesSeen(seen);
    }

    /** Window length N, samples. */
    public int windowSamples() {
        return windowSamples;
    }

    /** Average hop H, samples (not necessarily whole). */
    public double hopSamples() {
        return hopSamples;
    }

    private long windowEnd(long window) {
        return windowSamples - 1 + (long) Math.floor(window * hopSamples + 0.5);
    }

    private void analyseWindow(long end, BandPowerState state, SignalChunk chunk, int sampleInChunk,
            Consumer<FeatureFrame> out) {
        float[] ring = state.getRing();
        int oldest = (int) ((end + 1) % windowSamples);
        for (int c = 0; c < channels; c++) {
            for (int i = 0, slot = oldest; i < windowSamples; i++, slot = slot + 1 == windowSamples ? 0 : slot + 1) {
                windowScratch[i] = ring[slot * channels + c];
            }
            periodogram.density(windowScratch, densityScratch);
            for (int b = 0; b < bandCount; b++) {
                double sum = 0.0;
                for (int k = firstBin[b]; k < endBin[b]; k++) {
                    sum += densityScratch[k];
                }
                featureScratch[c * bandCount + b] = Math.log(Math.max(sum / (endBin[b] - firstBin[b]), POWER_FLOOR));
            }
        }
        long window = state.getWindowsComputed();
        state.setWindowsComputed(window + 1);
        if (normalizer != null) {
            NormalizerState statistics = state.getNormalizer();
            normalizer.accept(featureScratch, statistics);
            if (!normalizer.isWarmedUp(statistics)) {
                return;
            }
            normalizer.standardize(featureScratch, statistics);
        }
        float[] values = new float[featureScratch.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) featureScratch[i];
        }
        out.accept(new FeatureFrame(chunk.sessionId(), window - warmUpFrames, chunk.timestamp(sampleInChunk), channels,
                bandCount, values, chunk.ingestNanos()));
    }

    private void resolveBins(int index, FrequencyBand band, double windowSeconds) {
        double nyquist = rateHz / 2.0;
        if (band.highHz() > nyquist) {
            throw invalid("band %s [%s, %s) Hz reaches above the Nyquist frequency %s Hz (rate %s Hz)", band.name(),
                    band.lowHz(), band.highHz(), nyquist, rateHz);
        }
        int first = -1;
        int end = -1;
        for (int k = 0; k < periodogram.binCount(); k++) {
            double f = periodogram.binFrequency(k);
            if (f >= band.lowHz() && f < band.highHz()) {
                first = first < 0 ? k : first;
                end = k + 1;
            }
        }
        if (first < 0) {
            throw invalid("band %s [%s, %s) Hz holds no FFT bin: a %s s window (%d samples) at %s Hz has bins every %s Hz",
                    band.name(), band.lowHz(), band.highHz(), windowSeconds, windowSamples, rateHz,
                    periodogram.binFrequency(1));
        }
        firstBin[index] = first;
        endBin[index] = end;
    }

    private static InvalidFeatureConfigException invalid(String format, Object... args) {
        return new InvalidFeatureConfigException(String.format(Locale.ROOT, format, args));
    }
}
