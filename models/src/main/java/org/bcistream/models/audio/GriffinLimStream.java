package org.bcistream.models.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bcistream.models.random.SplitMix64;

/**
 * The {@link VocoderStream} of {@link GriffinLim}; see there for the method.
 *
 * <p>State, in the padded sample coordinates of a centred STFT (output sample {@code s} is padded position
 * {@code s + nFft/2}): {@code committed} frames have been overlap-added; {@code tail} and {@code tailNorm}
 * hold the sums of their windowed frames and squared windows over the {@code nFft} positions starting at
 * {@code committed x hop}, everything before having been released. Committing a frame adds it there,
 * releases the first {@code hop} positions (now final: no later frame reaches them) and shifts by
 * {@code hop}. Pending frames are the ones received but not committed.
 */
final class GriffinLimStream implements VocoderStream {
    private final MelFilterBank bank;
    private final Stft stft;
    private final int iterations;
    private final double momentum;
    private final SplitMix64 phase;
    private final int lookahead;
    private final int nFft;
    private final int hop;
    private final double[] tail;
    private final double[] tailNorm;
    private final double[] frame;
    private final List<double[]> pendingMagnitude = new ArrayList<>();
    private final List<double[]> pendingAngles = new ArrayList<>();
    private long committed;
    private long received;
    private boolean finished;

    GriffinLimStream(MelConfig config, MelFilterBank bank, int iterations, double momentum, SplitMix64 phase,
            int lookahead) {
        this.bank = bank;
        this.stft = Stft.of(config);
        this.iterations = iterations;
        this.momentum = momentum;
        this.phase = phase;
        this.lookahead = lookahead;
        this.nFft = config.nFft();
        this.hop = config.hopLength();
        this.tail = new double[nFft];
        this.tailNorm = new double[nFft];
        this.frame = new double[nFft];
    }

    @Override
    public float[] push(float[][] logMelFrames) {
        if (finished) {
            throw new IllegalStateException("push after finish: open a new stream for a new utterance");
        }
        for (int t = 0; t < logMelFrames.length; t++) {
            pendingMagnitude.add(GriffinLim.linearMagnitude(bank, logMelFrames, t));
            double[] angles = new double[nFft + 2];
            InitialPhase.fill(phase, angles, stft.bins());
            pendingAngles.add(angles);
        }
        received += logMelFrames.length;
        if (logMelFrames.length > 0) {
            refinePending();
        }
        return commit(Math.max(0, pendingMagnitude.size() - lookahead), 0);
    }

    @Override
    public float[] finish() {
        if (finished) {
            throw new IllegalStateException("the stream is already finished");
        }
        finished = true;
        long total = received == 0 ? 0 : hop * (received - 1);
        long released = Math.max(0, committed * hop + pendingMagnitude.size() * (long) hop - nFft / 2);
        return commit(pendingMagnitude.size(), (int) (total - released));
    }

    /** Griffin-Lim iterations over the pending frames, the committed tail held fixed. */
    private void refinePending() {
        int p = pendingMagnitude.size();
        if (iterations == 0 || p == 0) {
            return;
        }
        int length = (p - 1) * hop + nFft;
        double[] norm = new double[length];
        System.arraycopy(tailNorm, 0, norm, 0, nFft);
        for (int j = 0; j < p; j++) {
            for (int n = 0; n < nFft; n++) {
                norm[j * hop + n] += stft.window(n) * stft.window(n);
            }
        }
        double[] signal = new double[length];
        double[] spectrum = new double[nFft + 2];
        double[][] rebuilt = new double[p][nFft + 2];
        double[][] previous = new double[p][nFft + 2];
        for (int it = 0; it < iterations; it++) {
            double[][] swap = previous;
            previous = rebuilt;
            rebuilt = swap;
            Arrays.fill(signal, 0.0);
            System.arraycopy(tail, 0, signal, 0, nFft);
            for (int j = 0; j < p; j++) {
                GriffinLim.applyMagnitude(pendingMagnitude.get(j), pendingAngles.get(j), spectrum);
                stft.synthesize(spectrum, frame);
                for (int n = 0; n < nFft; n++) {
                    signal[j * hop + n] += frame[n];
                }
            }
            for (int i = 0; i < length; i++) {
                signal[i] = norm[i] > Double.MIN_NORMAL ? signal[i] / norm[i] : 0.0;
            }
            for (int j = 0; j < p; j++) {
                stft.analyze(signal, j * hop, rebuilt[j]);
                GriffinLim.updateAngles(rebuilt[j], previous[j], momentum, pendingAngles.get(j));
            }
        }
    }

    /**
     * Commits the first {@code count} pending frames, then releases {@code extra} more positions from the
     * tail (only at the end of the stream), and returns the released output samples.
     */
    private float[] commit(int count, int extra) {
        long half = nFft / 2;
        long from = Math.max(committed * hop, half);
        long to = (committed + count) * hop;
        float[] out = new float[(int) Math.max(0, to - from) + extra];
        int written = 0;
        double[] spectrum = new double[nFft + 2];
        for (int c = 0; c < count; c++) {
            GriffinLim.applyMagnitude(pendingMagnitude.remove(0), pendingAngles.remove(0), spectrum);
            stft.synthesize(spectrum, frame);
            for (int n = 0; n < nFft; n++) {
                tail[n] += frame[n];
                tailNorm[n] += stft.window(n) * stft.window(n);
            }
            for (int i = 0; i < hop; i++) {
                if (committed * hop + i >= half) {
                    out[written++] = sample(i);
                }
            }
            System.arraycopy(tail, hop, tail, 0, nFft - hop);
            System.arraycopy(tailNorm, hop, tailNorm, 0, nFft - hop);
            Arrays.fill(tail, nFft - hop, nFft, 0.0);
            Arrays.fill(tailNorm, nFft - hop, nFft, 0.0);
            committed++;
        }
        int offset = (int) Math.max(0, half - committed * hop);
        for (int i = 0; i < extra; i++) {
            out[written++] = sample(offset + i);
        }
        return out;
    }

    private float sample(int i) {
        return tailNorm[i] > Double.MIN_NORMAL ? (float) (tail[i] / tailNorm[i]) : 0f;
    }
}
