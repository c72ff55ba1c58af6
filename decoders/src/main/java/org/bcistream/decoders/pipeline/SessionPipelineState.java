package org.bcistream.decoders.pipeline;

import org.bcistream.decoders.trigger.TriggerState;

import org.bcistream.decoders.features.BandPowerState;
import org.bcistream.decoders.features.SpikeCountState;
import org.bcistream.decoders.preprocess.PreprocessState;

/**
 * Everything one session's {@link SessionPipeline} remembers between events: filter memory, the feature
 * window and normaliser statistics (EEG sessions), or the open spike bin (intracortical sessions), and the
 * iP-VAE posterior when the pipeline has a latent stage. The part a session does not use stays null.
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter and setter per field), kept in keyed state;
 * owned by one session, not thread-safe.
 */
public final class SessionPipelineState {
    private PreprocessState preprocess;
    private BandPowerState bandPower;
    private SpikeCountState spikeCounts;
    private byte[] latent;
    private TriggerState trigger;

    /** For Flink's POJO serializer; sessions start from {@link SessionPipeline#newState()}. */
    public SessionPipelineState() {}

    SessionPipelineState(PreprocessState preprocess, BandPowerState bandPower, SpikeCountState spikeCounts) {
        this.preprocess = preprocess;
        this.bandPower = bandPower;
        this.spikeCounts = spikeCounts;
    }

    public PreprocessState getPreprocess() {
        return preprocess;
    }

    public void setPreprocess(PreprocessState preprocess) {
        this.preprocess = preprocess;
    }

    public BandPowerState getBandPower() {
        return bandPower;
    }

    public void setBandPower(BandPowerState bandPower) {
        this.bandPower = bandPower;
    }

    public SpikeCountState getSpikeCounts() {
        return spikeCounts;
    }

    public void setSpikeCounts(SpikeCountState spikeCounts) {
        this.spikeCounts = spikeCounts;
    }

    /** The latent stage's state ({@code IpvaeState} bytes), or null before the session's first feature frame. */
    public byte[] getLatent() {
        return latent;
    }

    public void setLatent(byte[] latent) {
        this.latent = latent;
    }

    /** The generation trigger's state, or null before the first latent frame or without a trigger. */
    public TriggerState getTrigger() {
        return trigger;
    }

    public void setTrigger(TriggerState trigger) {
        this.trigger = trigger;
    }
}
