package org.bcistream.streaming.cli;

import java.io.IOException;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.kafka.KafkaConnectors;
import org.bcistream.streaming.kafka.KafkaSourceSpec;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.config.Pacing;
import org.bcistream.hardware.LslStreamDescription;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.source.LslSessionSource;
import org.bcistream.streaming.source.LslSourceSpec;
import org.bcistream.streaming.source.LslSplit;
import org.bcistream.streaming.source.RecordingSource;
import org.bcistream.streaming.source.ReplayPlan;
import org.bcistream.streaming.source.ReplaySpec;
import org.bcistream.streaming.source.SimulatedSession;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;

/**
 * A {@code --source} resolved for a run: the Flink source, the device profile and rate its sessions are
 * decoded with, how many sessions, how fast, and what to tell the user about it.
 *
 * @param events adds the source to a job and gives its session events
 * @param description the source's canonical text
 * @param profile the device profile
 * @param rateHz the sessions' nominal rate, hertz
 * @param sessions number of sessions, or 0 when the source cannot know (Kafka)
 * @param pacing replay speed
 * @param totalSamples samples the source will emit, or 0 when unknown (for progress)
 * @param notes lines worth printing before the run (how the profile was chosen, reader warnings)
 */
record SessionSource(
        EventStreams events, String description, DeviceProfile profile, double rateHz, int sessions, Pacing pacing,
        long totalSamples, List<String> notes) {

    /** Adds a source to a job. */
    @FunctionalInterface
    interface EventStreams {
        DataStream<SessionEvent> attach(StreamExecutionEnvironment env) throws IOException;
    }

    /** Resolves {@code sim:...}, {@code file:...} or {@code kafka:...}. */
    static SessionSource parse(String text, DeviceProfiles registry) throws IOException {
        if (text.startsWith("sim:") || text.equals("sim")) {
            SimulationSpec sim = SimulationSpec.parse(text);
            DeviceProfile profile = registry.byId(sim.profileId());
            SyntheticSessionSource source = new SyntheticSessionSource(sim);
            return new SessionSource(env -> DecodingJob.events(env, source), sim.toString(), profile, SimulatedSession.rateOf(sim),
                    sim.sessions(), sim.pacing(), 0, List.of());
        }
        if (text.startsWith("file:")) {
            ReplayPlan plan = ReplayPlan.of(ReplaySpec.parse(text), registry);
            List<String> notes = new java.util.ArrayList<>();
            notes.add(String.format(java.util.Locale.ROOT, "%d stream(s) of %s as session(s) %s, profile %s (%s)",
                    plan.splits().size(), plan.spec().path(), plan.splits().stream().map(s -> s.sessionId()).toList(),
                    plan.profile().id(), plan.profileOrigin()));
            plan.warnings().forEach(w -> notes.add("warning: " + w));
            RecordingSource source = new RecordingSource(plan);
            return new SessionSource(env -> DecodingJob.events(env, source), plan.spec().toString(), plan.profile(), plan.rateHz(),
                    plan.splits().size(), plan.spec().pacing(), plan.totalSamples(), List.copyOf(notes));
        }
        if (text.startsWith("lsl:")) {
            return lsl(LslSourceSpec.parse(text), registry);
        }
        if (text.startsWith("kafka:")) {
            KafkaSourceSpec kafka = KafkaSourceSpec.parse(text);
            DeviceProfile profile = registry.byId(kafka.profileId());
            return new SessionSource(env -> KafkaConnectors.events(env, kafka, profile.channelCount()), kafka.toString(), profile,
                    profile.defaultRateHz(), kafka.sessions().size(), Pacing.REALTIME, 0,
                    List.of("refused records go to topic " + kafka.deadLetterTopic()));
        }
        int colon = text.indexOf(':');
        String kind = colon > 0 ? text.substring(0, colon) : text;
        throw new IllegalArgumentException("source kind '" + kind + "' is not available in this build; supported: sim:..., file:..., kafka:..., lsl:...");
    }

    /** Resolves the live stream once, to pick the profile and name the session; the job resolves it again. */
    private static SessionSource lsl(LslSourceSpec spec, DeviceProfiles registry) throws IOException {
        StreamInfo info;
        String model;
        try (LslRuntime runtime = Lsl.open(); StreamInlet inlet = runtime.createInlet(spec.resolve(runtime, ""))) {
            info = inlet.info(spec.resolveTimeoutSeconds());
            model = info.desc().child("acquisition").map(a -> a.childValue("model")).orElse("");
        }
        DeviceProfile profile;
        String origin;
        java.util.Optional<DeviceProfile> named = registry.find(model);
        if (spec.profileId() != null) {
            profile = registry.byId(spec.profileId());
            origin = "given";
        } else if (named.isPresent() && named.get().channelCount() == info.channelCount()) {
            profile = named.get();
            origin = "named by the stream";
        } else {
            profile = registry.lslMatcher().bestMatch(
                    new LslStreamDescription(info.name(), info.type(), info.channelCount(), info.nominalSrate()));
            origin = "matched";
        }
        if (profile.channelCount() != info.channelCount()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "LSL stream %s has %d channels, profile %s expects %d", info.name(), info.channelCount(), profile.id(),
                    profile.channelCount()));
        }
        String session = spec.session() != null ? spec.session() : !info.sourceId().isEmpty() ? info.sourceId() : info.name();
        LslSessionSource source = new LslSessionSource(List.of(new LslSplit(1, spec.toString(), session, info.sourceId())));
        return new SessionSource(env -> DecodingJob.events(env, source), spec.toString(), profile, info.nominalSrate(), 1,
                Pacing.REALTIME, 0, List.of(String.format(java.util.Locale.ROOT, "LSL stream %s (%s, %d ch, %s Hz, source id '%s') as session %s, "
                        + "profile %s (%s); runs until stopped (Ctrl-C)", info.name(), info.type(), info.channelCount(),
                        info.nominalSrate(), info.sourceId(), session, profile.id(), origin)));
    }
}
