package org.bcistream.streaming.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.source.SessionCursors;
import org.junit.jupiter.api.Test;

class OfflineRunTest {
    private static final String SIM = "sim:profile=openbci-cyton,seed=2,duration=10s,sessions=2";

    private static Map<String, List<SessionOutput>> run() throws IOException {
        SessionCursors sessions = SessionCursors.open(SIM, DeviceProfiles.builtIn());
        return OfflineRun.outputs(sessions, SessionPipelineConfig.defaults(sessions.profile()));
    }

    @Test
    void everySessionsOutputsInOrderAndTheSameEachTime() throws IOException {
        Map<String, List<SessionOutput>> first = run();
        assertEquals(List.of("sim-1", "sim-2"), List.copyOf(first.keySet()));
        assertEquals(first, run());
        List<FeatureFrame> frames = first.get("sim-1").stream().map(SessionOutput::frame).filter(f -> f != null).toList();
        // 10 s at 250 Hz, 1 s windows every 0.25 s: 37 windows, the first 20 train the normaliser
        assertEquals(17, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).index());
        }
        assertTrue(first.get("sim-2").stream().anyMatch(o -> o.marker() != null));
    }

    @Test
    void theFeatureMatrixHasOneRowPerFrame() throws IOException {
        Map<String, List<SessionOutput>> outputs = run();
        double[][] x = OfflineRun.featureMatrix(outputs);
        assertEquals(34, x.length);
        assertEquals(32, x[0].length);
        FeatureFrame firstOfSecond = outputs.get("sim-2").stream().map(SessionOutput::frame).filter(f -> f != null).findFirst().orElseThrow();
        assertEquals(firstOfSecond.values()[5], (float) x[17][5]);
    }

    @Test
    void aPerCueTriggerGivesOneRequestPerCuedTrialWithItsTarget() throws IOException {
        SessionCursors sessions = SessionCursors.open("sim:profile=openbci-cyton,seed=2,duration=60s,targets=A+B", DeviceProfiles.builtIn());
        org.bcistream.decoders.latent.LatentConfig latent = new org.bcistream.decoders.latent.LatentConfig(
                identity(32),
                org.bcistream.models.ipvae.IpvaeConfig.defaults(), 3);
        OfflineRun.Result result = OfflineRun.run(sessions, SessionPipelineConfig.defaults(sessions.profile()).withLatent(latent)
                .withTrigger(new org.bcistream.decoders.trigger.TriggerMode.PerCue(0.5)));
        List<org.bcistream.decoders.trigger.GenerationRequest> requests = result.requests().get("sim-1");
        List<String> cued = result.outputs().get("sim-1").stream().map(SessionOutput::marker)
                .filter(m -> m != null && m.kind() == org.bcistream.decoders.record.MarkerKind.CUE).map(m -> m.label()).toList();
        assertTrue(requests.size() >= cued.size() - 1 && requests.size() <= cued.size(),
                requests.size() + " requests for " + cued.size() + " cues (the last trial may still be open)");
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(cued.get(i), requests.get(i).target());
            assertEquals(32, requests.get(i).condition().length);
        }
    }

    /** A model whose atoms are the feature axes (Φ = I/2), for plumbing: K = M = n. */
    private static org.bcistream.models.ipvae.IpvaeModel identity(int n) {
        double[][] phi = new double[n][n];
        double[] uInit = new double[n];
        for (int i = 0; i < n; i++) {
            phi[i][i] = 0.5;
            uInit[i] = -1;
        }
        return org.bcistream.models.ipvae.IpvaeModel.of(org.bcistream.models.ipvae.LinearDecoder.withUnitSigma(phi),
                org.bcistream.models.ipvae.InitialParameters.logBias(n), 0, uInit);
    }
}
