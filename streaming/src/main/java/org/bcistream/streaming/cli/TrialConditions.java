package org.bcistream.streaming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.decoders.trigger.TriggerMode;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.offline.OfflineRun;
import org.bcistream.streaming.source.SessionCursors;

/**
 * The generation conditions of a recording's cued trials: the per-cue trigger's requests (mean latent rates over
 * each trial after the settle time) from an offline run of the decoding pipeline with the iP-VAE stage, with the
 * cued targets as labels. What generators are trained and evaluated on, computed exactly as a run computes them.
 *
 * @param conditions raw conditions, one per cued trial
 * @param labels the cued targets
 */
record TrialConditions(List<float[]> conditions, List<String> labels) {

    /**
     * Runs every session of {@code source} offline.
     *
     * @throws IllegalArgumentException if the source has no cued trials
     */
    static TrialConditions of(String source, LatentOptions latent, DecodingOptions decoding, double settleSeconds, PrintWriter err,
            String command) throws IOException {
        SessionCursors sessions = SessionCursors.open(source, DeviceProfiles.builtIn());
        SessionPipelineConfig config = latent.toConfig(decoding, sessions.profile(), sessions.rateHz(), err, command)
                .withTrigger(new TriggerMode.PerCue(settleSeconds));
        err.printf(Locale.ROOT, "%s: decoding %s for its trial latents%n", command, sessions.spec());
        List<float[]> conditions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (List<GenerationRequest> requests : OfflineRun.run(sessions, config).requests().values()) {
            for (GenerationRequest request : requests) {
                if (!request.target().isEmpty()) {
                    conditions.add(request.condition());
                    labels.add(request.target());
                }
            }
        }
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException(source + " has no cued trials with targets (bcistream inspect shows its markers)");
        }
        return new TrialConditions(List.copyOf(conditions), List.copyOf(labels));
    }
}
