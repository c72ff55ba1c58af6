package org.bcistream.decoders.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.pipeline.SessionPipelineState;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeEngine;
import org.bcistream.models.ipvae.IpvaeFrame;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.IpvaeState;
import org.bcistream.models.ipvae.LinearDecoder;
import org.junit.jupiter.api.Test;

class LatentStageTest {
    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");

    /** A seeded random model with M features and K latents. */
    static IpvaeModel model(int m, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] phi = new double[m][k];
        for (double[] row : phi) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextGaussian() * 0.3;
            }
        }
        double[] logBias = new double[k];
        double[] uInit = new double[k];
        java.util.Arrays.fill(logBias, -2);
        java.util.Arrays.fill(uInit, -1);
        return IpvaeModel.of(LinearDecoder.withUnitSigma(phi), logBias, Math.log(0.3), uInit);
    }

    private static FeatureFrame frame(long index, float[] values) {
        return new FeatureFrame("s1", index, 1 + 0.25 * index, 8, 4, values, 100 + index);
    }

    private static float[] values(SplittableRandom r) {
        float[] v = new float[32];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void eachFrameIsOneOnlineStepWithThePosteriorCarriedToTheNext() {
        LatentConfig config = new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 42);
        LatentStage stage = new LatentStage(config, 32, () -> 5_000);
        IpvaeEngine engine = IpvaeEngine.sparse(config.model(), config.inference());
        IpvaeState reference = IpvaeState.initial(config.model(), config.sessionSeed("s1"));
        IpvaeFrame expected = new IpvaeFrame(16);
        byte[] state = stage.newState("s1");
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 20; i++) {
            float[] x = values(r);
            LatentStage.Result result = stage.process(frame(i, x), state);
            engine.step(reference, x, expected);
            LatentFrame l = result.frame();
            assertArrayEquals(expected.spikeCounts(), l.spikeCounts(), "frame " + i);
            assertEquals(expected.freeEnergy(), l.freeEnergy(), 0.0);
            assertEquals(expected.r2(), l.reconstructionR2(), 0.0);
            assertEquals(i, l.index());
            assertEquals(100 + i, l.ingestNanos());
            assertEquals(5_000, l.latentNanos());
            state = result.state();
        }
        assertArrayEquals(reference.toBytes(), state);
    }

    @Test
    void sessionsDrawFromTheirOwnSeeds() {
        LatentConfig config = new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 42);
        assertNotEquals(config.sessionSeed("s1"), config.sessionSeed("s2"));
        assertEquals(config.sessionSeed("s1"), new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 42).sessionSeed("s1"));
        assertNotEquals(config.sessionSeed("s1"), new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 43).sessionSeed("s1"));
    }

    @Test
    void aModelThatDoesNotFitTheFramesIsRefusedWithBothSizes() {
        LatentConfig config = new LatentConfig(model(20, 4, 1), IpvaeConfig.defaults(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SessionPipeline(SessionPipelineConfig.defaults(CYTON).withLatent(config)));
        assertTrue(e.getMessage().contains("reads 20 features per frame, but the pipeline makes 32"), e.getMessage());
    }

    @Test
    void thePipelineFollowsEveryFeatureFrameWithItsLatentFrame() {
        LatentConfig config = new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 42);
        SessionPipeline pipeline = new SessionPipeline(SessionPipelineConfig.defaults(CYTON).withLatent(config), () -> 0);
        SessionPipelineState state = pipeline.newState();
        List<SessionOutput> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int c = 0; c < 1500; c++) { // 60 s at 250 Hz in chunks of 10
            double[] t = new double[10];
            float[] x = new float[80];
            for (int i = 0; i < 10; i++) {
                t[i] = (c * 10 + i) / 250.0;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (20 * r.nextGaussian());
            }
            pipeline.process(SessionEvent.of(new SignalChunk("s1", "eeg", 8, 250, t, x, 0)), state, out::add);
        }
        List<FeatureFrame> frames = out.stream().map(SessionOutput::frame).filter(f -> f != null).toList();
        List<LatentFrame> latents = out.stream().map(SessionOutput::latent).filter(l -> l != null).toList();
        assertTrue(frames.size() > 100);
        assertEquals(frames.size(), latents.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(frames.get(i).index(), latents.get(i).index());
            assertEquals(frames.get(i).frameTime(), latents.get(i).frameTime());
            assertEquals(out.indexOf(SessionOutput.of(frames.get(i))) + 1, out.indexOf(SessionOutput.of(latents.get(i))));
        }
    }

    @Test
    void aPerCueTriggerTurnsEachCuedTrialIntoOneRequestWithItsTarget() {
        LatentConfig config = new LatentConfig(model(32, 16, 3), IpvaeConfig.defaults(), 42);
        SessionPipelineConfig withTrigger = SessionPipelineConfig.defaults(CYTON).withLatent(config)
                .withTrigger(new org.bcistream.decoders.trigger.TriggerMode.PerCue(0.5));
        SessionPipeline pipeline = new SessionPipeline(withTrigger, () -> 7);
        SessionPipelineState state = pipeline.newState();
        List<SessionOutput> out = new ArrayList<>();
        List<org.bcistream.decoders.trigger.GenerationRequest> requests = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int c = 0; c < 1500; c++) { // 60 s at 250 Hz in chunks of 10; a trial every 10 s from 10 s
            double start = c * 10 / 250.0;
            if (c % 250 == 0 && c > 0) {
                String label = c % 500 == 0 ? "A" : "B";
                pipeline.process(SessionEvent.of(new MarkerEvent("s1", start, MarkerKind.CUE, label)), state, out::add,
                        requests::add);
            }
            if (c % 250 == 100 && c > 250) {
                pipeline.process(SessionEvent.of(new MarkerEvent("s1", start, MarkerKind.TRIAL_END, "")), state, out::add,
                        requests::add);
            }
            double[] t = new double[10];
            float[] x = new float[80];
            for (int i = 0; i < 10; i++) {
                t[i] = start + i / 250.0;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (20 * r.nextGaussian());
            }
            pipeline.process(SessionEvent.of(new SignalChunk("s1", "eeg", 8, 250, t, x, 0)), state, out::add, requests::add);
        }
        assertEquals(List.of("B", "A", "B", "A", "B"), requests.stream().map(q -> q.target()).toList());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(i, requests.get(i).index());
            assertEquals(16, requests.get(i).condition().length);
            assertTrue(requests.get(i).frames() >= 10, "about 3.5 s of frames at 4 per second: " + requests.get(i).frames());
        }
        assertThrows(IllegalStateException.class,
                () -> pipeline.process(SessionEvent.of(new MarkerEvent("s1", 61, MarkerKind.CUE, "A")), state, out::add));
        assertThrows(IllegalArgumentException.class,
                () -> SessionPipelineConfig.defaults(CYTON).withTrigger(new org.bcistream.decoders.trigger.TriggerMode.PerCue(0)));
    }
}
