package org.bcistream.decoders.pipeline;

import java.util.function.LongSupplier;
import org.bcistream.decoders.latent.LatentStage;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.decoders.trigger.TriggerStage;
import org.bcistream.decoders.trigger.TriggerState;
import org.bcistream.decoders.record.FeatureFrame;
import java.util.Locale;
import java.util.function.Consumer;
import org.bcistream.decoders.features.BandPowerFeatures;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.features.SpikeCountFeatures;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.Preprocessor;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;

/**
 * One session's decoding chain as far as features: signal chunks go through the {@link Preprocessor} and
 * the band-power stage (with online normalisation), spike events through the spike-count stage, markers
 * pass through unchanged. The same object runs in the Flink job (which keeps the
 * {@link SessionPipelineState} in keyed state), in offline evaluation and in tests.
 *
 * <p>Not thread-safe (the band-power stage reuses FFT scratch buffers): use one instance per thread, as each
 * Flink subtask does; all per-session data lives in the caller's state. Input that does not fit the
 * profile (wrong channel count or rate, spikes from an EEG device) throws an {@link IllegalArgumentException}
 * subclass naming the session and the numbers, and leaves the state as it was before the event.
 */
public final class SessionPipeline {
    private final DeviceProfile profile;
    private final Preprocessor preprocessor;
    private final BandPowerFeatures bandPower;
    private final SpikeCountFeatures spikeCounts;
    private final LatentStage latent;
    private final TriggerStage trigger;
    private final LongSupplier nanoClock;

    /**
     * A pipeline whose latent frames are stamped with {@link System#nanoTime()}.
     *
     * @param config the profile, rate and stage settings
     */
    public SessionPipeline(SessionPipelineConfig config) {
        this(config, System::nanoTime);
    }

    /**
     * @param config the profile, rate and stage settings
     * @param nanoClock local monotonic clock for the latent instants
     * @throws IllegalArgumentException if the latent model does not fit the feature frames
     */
    public SessionPipeline(SessionPipelineConfig config, LongSupplier nanoClock) {
        this.profile = config.profile();
        if (profile.modality() == Modality.INTRACORTICAL) {
            this.preprocessor = null;
            this.bandPower = null;
            this.spikeCounts = new SpikeCountFeatures(profile.neuralChannelIndices().length, config.features());
        } else {
            this.preprocessor = new Preprocessor(profile, config.rateHz(), config.preprocess());
            this.bandPower = new BandPowerFeatures(preprocessor.outputChannelLabels().size(), config.rateHz(), config.features());
            this.spikeCounts = null;
        }
        int featureCount = bandPower != null ? preprocessor.outputChannelLabels().size() * config.features().bands().size()
                : profile.neuralChannelIndices().length;
        this.latent = config.latent() == null ? null : new LatentStage(config.latent(), featureCount, nanoClock);
        this.trigger = config.trigger() == null ? null : new TriggerStage(config.trigger(), config.latent().model().latentCount());
        this.nanoClock = nanoClock;
    }

    /** Convenience for {@code new SessionPipeline(new SessionPipelineConfig(...))}. */
    public SessionPipeline(DeviceProfile profile, double rateHz, PreprocessConfig preprocess, FeatureConfig features) {
        this(new SessionPipelineConfig(profile, rateHz, preprocess, features));
    }

    /** The state of a session that has seen nothing yet. */
    public SessionPipelineState newState() {
        return spikeCounts != null
                ? new SessionPipelineState(null, null, spikeCounts.newState())
                : new SessionPipelineState(preprocessor.newState(), bandPower.newState(), null);
    }

    /**
     * Runs one event of a session without a generation trigger and hands every output to {@code out} in order.
     *
     * @throws IllegalStateException if the pipeline has a trigger (its requests would be lost; use the other form)
     */
    public void process(SessionEvent event, SessionPipelineState state, Consumer<SessionOutput> out) {
        if (trigger != null) {
            throw new IllegalStateException("this pipeline has a generation trigger; pass a consumer of its requests");
        }
        process(event, state, out, request -> { });
    }

    /**
     * Runs one event of a session and hands every output to {@code out} in order, and every generation request
     * of the trigger to {@code requests} as it is made.
     *
     * @param event the session's next event
     * @param state the session's state, updated in place
     * @param out receives feature frames, latent frames and passed-through markers
     * @param requests receives the trigger's generation requests
     */
    public void process(SessionEvent event, SessionPipelineState state, Consumer<SessionOutput> out,
            Consumer<GenerationRequest> requests) {
        if (event.marker() != null) {
            out.accept(SessionOutput.of(event.marker()));
            if (trigger != null) {
                trigger.onMarker(event.marker(), triggerState(state), nanoClock.getAsLong()).ifPresent(requests);
            }
        } else if (event.chunk() != null) {
            if (bandPower == null) {
                throw mismatch(event, "signal chunks", "spike events");
            }
            bandPower.process(preprocessor.process(event.chunk(), state.getPreprocess()), state.getBandPower(),
                    frame -> emit(frame, state, out, requests));
        } else {
            if (spikeCounts == null) {
                throw mismatch(event, "spike events", "signal chunks");
            }
            spikeCounts.process(event.spikes(), state.getSpikeCounts(), frame -> emit(frame, state, out, requests));
        }
    }

    /** A feature frame, then (with a latent stage) the session's posterior after it, then any trigger request. */
    private void emit(FeatureFrame frame, SessionPipelineState state, Consumer<SessionOutput> out,
            Consumer<GenerationRequest> requests) {
        out.accept(SessionOutput.of(frame));
        if (latent != null) {
            byte[] current = state.getLatent() != null ? state.getLatent() : latent.newState(frame.sessionId());
            LatentStage.Result result = latent.process(frame, current);
            state.setLatent(result.state());
            out.accept(SessionOutput.of(result.frame()));
            if (trigger != null) {
                trigger.onLatent(result.frame(), triggerState(state)).ifPresent(requests);
            }
        }
    }

    private TriggerState triggerState(SessionPipelineState state) {
        if (state.getTrigger() == null) {
            state.setTrigger(trigger.newState());
        }
        return state.getTrigger();
    }

    private IllegalArgumentException mismatch(SessionEvent event, String got, String expected) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "session %s sent %s, but profile %s (%s) delivers %s", event.sessionId(), got, profile.id(),
                profile.modality(), expected));
    }
}
