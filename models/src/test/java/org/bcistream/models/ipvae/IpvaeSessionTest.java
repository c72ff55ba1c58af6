package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streaming behaviour with real Poisson draws: determinism, exact resumption, reset, metrics, batching. */
class IpvaeSessionTest {
    private static final int M = 24;
    private static final int K = 16;

    private final IpvaeModel model = SpecFixtures.randomModel(new Random(12), M, K, 0.25);
    private final double[][] frames = frames(new Random(13), 40);

    @Test
    void sameSeedAndInputsGiveTheSameOutputs() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        List<Snapshot> first = run(IpvaeSession.start(engine, 77), 0, frames.length);
        List<Snapshot> second = run(IpvaeSession.start(engine, 77), 0, frames.length);
        assertEquals(first, second);
        List<Snapshot> otherSeed = run(IpvaeSession.start(engine, 78), 0, frames.length);
        assertNotEquals(first, otherSeed);
        int spikes = first.stream().mapToInt(s -> java.util.Arrays.stream(s.spikes).sum()).sum();
        assertTrue(spikes > 50, "the model spikes enough for the test to mean something: " + spikes);
    }

    @Test
    void aRestoredSnapshotContinuesExactly() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeSession original = IpvaeSession.start(engine, 5);
        run(original, 0, 15);
        byte[] saved = original.snapshot().toBytes();
        List<Snapshot> continued = run(original, 15, frames.length);

        IpvaeSession resumed = new IpvaeSession(IpvaeEngine.sparse(model, IpvaeConfig.defaults()),
                IpvaeState.fromBytes(saved));
        assertEquals(15, resumed.frameCount());
        assertEquals(continued, run(resumed, 15, frames.length));
    }

    @Test
    void theFirstFrameStartsFromUInitWhateverTheStateHolds() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        byte[] bytes = IpvaeState.initial(model, 9).toBytes();
        for (int k = 0; k < K; k++) {
            java.nio.ByteBuffer.wrap(bytes).putDouble(21 + 8 * k, 5.0);
        }
        List<Snapshot> fromGarbage = run(new IpvaeSession(engine, IpvaeState.fromBytes(bytes)), 0, 3);
        assertEquals(run(IpvaeSession.start(engine, 9), 0, 3), fromGarbage);
    }

    @Test
    void floatFramesGiveTheSameResultAsTheirDoubleValues() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeSession doubles = IpvaeSession.start(engine, 4);
        IpvaeSession floats = IpvaeSession.start(engine, 4);
        for (double[] x : frames) {
            float[] xf = new float[M];
            double[] widened = new double[M];
            for (int m = 0; m < M; m++) {
                xf[m] = (float) x[m];
                widened[m] = xf[m];
            }
            assertEquals(new Snapshot(doubles.step(widened)), new Snapshot(floats.step(xf)));
        }
    }

    @Test
    void freeEnergyIsTheNllOfTheReportedSamplePlusBetaTimesTheExactKl() {
        IpvaeConfig config = new IpvaeConfig(1, 1, 10, 10, 3.0, KlForm.EXACT);
        IpvaeSession session = IpvaeSession.start(IpvaeEngine.sparse(model, config), 21);
        double[] prior = model.uInit();
        for (double[] x : frames) {
            IpvaeFrame frame = session.step(x);
            double[] xHat = new double[M];
            double kl = 0;
            for (int k = 0; k < K; k++) {
                for (int m = 0; m < M; m++) {
                    xHat[m] += model.decoder().phi(m, k) * frame.spikeCount(k);
                }
                double u = Math.log(frame.rate(k));
                kl += Math.exp(u) * (u - prior[k]) - Math.exp(u) + Math.exp(prior[k]);
            }
            double nll = ReconstructionMetrics.gaussianNll(x, xHat, model.decoder());
            assertEquals(nll, frame.reconstructionNll(), 1e-9 * Math.abs(nll));
            assertEquals(kl, frame.kl(), 1e-9 * (1 + kl));
            assertEquals(nll + 3.0 * kl, frame.freeEnergy(), 1e-9 * Math.abs(nll + 3 * kl));
            assertEquals(ReconstructionMetrics.r2(x, xHat), frame.r2(), 1e-12);
            prior = session.snapshot().logRates();
        }
    }

    @Test
    void aBatchedDenseStepMatchesOneSessionAtATime() {
        int batch = 3;
        IpvaeEngine sparse = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeEngine dense = IpvaeEngine.dense(model, IpvaeConfig.defaults(), batch);
        IpvaeState[] states = new IpvaeState[batch];
        IpvaeFrame[] out = new IpvaeFrame[batch];
        IpvaeSession[] sessions = new IpvaeSession[batch];
        for (int b = 0; b < batch; b++) {
            states[b] = IpvaeState.initial(model, 100 + b);
            out[b] = new IpvaeFrame(K);
            sessions[b] = IpvaeSession.start(sparse, 100 + b);
        }
        for (int t = 0; t + batch <= frames.length; t += batch) {
            double[] x = new double[batch * M];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(frames[t + b], 0, x, b * M, M);
            }
            dense.stepBatch(states, x, out);
            for (int b = 0; b < batch; b++) {
                IpvaeFrame single = sessions[b].step(frames[t + b]);
                assertArrayEquals(single.spikeCounts(), out[b].spikeCounts(), "spikes of session " + b);
                for (int k = 0; k < K; k++) {
                    assertEquals(1, out[b].rate(k) / single.rate(k), 1e-9, "rate " + k + " of session " + b);
                }
            }
        }
    }

    @Test
    void badInputsAreRefused() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeSession session = IpvaeSession.start(engine, 1);
        InvalidIpvaeException length = assertThrows(InvalidIpvaeException.class, () -> session.step(new double[M - 1]));
        assertEquals("frame must have 24 values; got 23", length.getMessage());
        double[] nan = new double[M];
        nan[3] = Double.NaN;
        InvalidIpvaeException notFinite = assertThrows(InvalidIpvaeException.class, () -> session.step(nan));
        assertEquals("frame 0, feature 3 is NaN, not a finite number", notFinite.getMessage());
        assertEquals(0, session.frameCount(), "a refused frame does not advance the session");

        IpvaeModel other = SpecFixtures.randomModel(new Random(99), M, K, 0.25);
        InvalidIpvaeException wrongModel = assertThrows(InvalidIpvaeException.class,
                () -> new IpvaeSession(engine, IpvaeState.initial(other, 1)));
        assertTrue(wrongModel.getMessage().contains("belongs to model"), wrongModel.getMessage());
        assertThrows(InvalidIpvaeException.class,
                () -> engine.step(IpvaeState.initial(other, 1), frames[0], new IpvaeFrame(K)));
        assertThrows(InvalidIpvaeException.class,
                () -> new IpvaeSession(IpvaeEngine.dense(model, IpvaeConfig.defaults(), 2), IpvaeState.initial(model, 1)));
    }

    @Test
    void aSparseStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeState state = IpvaeState.initial(model, 3);
        IpvaeFrame frame = new IpvaeFrame(K);
        float[] xf = new float[M];
        for (int i = 0; i < 20_000; i++) {
            engine.step(state, frames[i % frames.length], frame);
            engine.step(state, xf, frame);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            engine.step(state, frames[i % frames.length], frame);
            engine.step(state, xf, frame);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertFalse(allocated > 4096, "20,000 steps allocated " + allocated + " bytes");
    }

    private List<Snapshot> run(IpvaeSession session, int from, int to) {
        List<Snapshot> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            out.add(new Snapshot(session.step(frames[t])));
        }
        return out;
    }

    private static double[][] frames(Random random, int count) {
        double[][] x = new double[count][];
        for (int t = 0; t < count; t++) {
            x[t] = SpecFixtures.gaussian(random, M);
            for (int m = 0; m < M; m++) {
                x[t][m] *= 3;
            }
        }
        return x;
    }

    /** An immutable copy of a frame's results, compared bit for bit. */
    private record Snapshot(long index, List<Double> rates, int[] spikes, double freeEnergy, double r2) {
        Snapshot(IpvaeFrame frame) {
            this(frame.frameIndex(), java.util.Arrays.stream(frame.rates()).boxed().toList(), frame.spikeCounts(),
                    frame.freeEnergy(), frame.r2());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && index == s.index && rates.equals(s.rates)
                    && java.util.Arrays.equals(spikes, s.spikes)
                    && Double.compare(freeEnergy, s.freeEnergy) == 0 && Double.compare(r2, s.r2) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(index);
        }
    }
}
