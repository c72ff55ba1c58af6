package org.bcistream.decoders.trigger;

import java.util.Optional;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;

/**
 * Decides, per session, when the latent state conditions a generation ({@link TriggerMode}): per cued trial,
 * at a cadence, or when the posterior has settled. Feed it the session's markers and latent frames in order;
 * it returns the {@link GenerationRequest}s. All per-session data lives in the caller's {@link TriggerState},
 * so one stage serves every session of a Flink subtask. Not thread-safe.
 */
public final class TriggerStage {
    private final TriggerMode mode;
    private final int latents;

    /**
     * @param latents K, the number of latents of every frame
     */
    public TriggerStage(TriggerMode mode, int latents) {
        if (latents < 1) {
            throw new IllegalArgumentException("a trigger needs at least 1 latent, got " + latents);
        }
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.latents = latents;
    }

    /** The state of a session that has seen nothing yet. */
    public TriggerState newState() {
        TriggerState s = new TriggerState();
        s.setRateSums(new float[latents]);
        s.setTarget("");
        s.setArmed(true);
        s.setLastFreeEnergy(Double.NaN);
        if (mode instanceof TriggerMode.Cadence cadence) {
            s.setRecent(new float[cadence.windowFrames() * latents]);
        }
        return s;
    }

    /**
     * A marker of the session. In per-cue mode a {@code CUE} opens a trial (closing an open one first, which
     * may complete a request) and a {@code TRIAL_END} closes it; other modes ignore markers.
     *
     * @param latentNanos the instant to record as the request's latent instant if the marker completes one
     */
    public Optional<GenerationRequest> onMarker(MarkerEvent marker, TriggerState state, long latentNanos) {
        if (!(mode instanceof TriggerMode.PerCue)) {
            return Optional.empty();
        }
        Optional<GenerationRequest> closed = Optional.empty();
        if (marker.kind() == MarkerKind.CUE || marker.kind() == MarkerKind.TRIAL_END) {
            closed = close(marker.sessionId(), marker.timestamp(), state, latentNanos);
        }
        if (marker.kind() == MarkerKind.CUE) {
            state.setOpen(true);
            state.setTarget(marker.label());
            state.setOpenedAt(marker.timestamp());
        }
        return closed;
    }

    /** A latent frame of the session; returns a request when this frame completes one. */
    public Optional<GenerationRequest> onLatent(LatentFrame frame, TriggerState state) {
        check(frame);
        if (mode instanceof TriggerMode.PerCue perCue) {
            if (state.isOpen() && frame.frameTime() >= state.getOpenedAt() + perCue.settleSeconds()) {
                add(frame, state);
            }
            return Optional.empty();
        }
        if (mode instanceof TriggerMode.Cadence cadence) {
            return cadence(frame, state, cadence);
        }
        return confidence(frame, state, (TriggerMode.Confidence) mode);
    }

    private Optional<GenerationRequest> cadence(LatentFrame frame, TriggerState state, TriggerMode.Cadence cadence) {
        float[] recent = state.getRecent();
        System.arraycopy(frame.rates(), 0, recent, state.getRecentNext() * latents, latents);
        state.setRecentNext((state.getRecentNext() + 1) % cadence.windowFrames());
        state.setRecentCount(Math.min(state.getRecentCount() + 1, cadence.windowFrames()));
        state.setFramesSinceRequest(state.getFramesSinceRequest() + 1);
        if (state.getFramesSinceRequest() < cadence.everyFrames()) {
            return Optional.empty();
        }
        state.setFramesSinceRequest(0);
        float[] mean = new float[latents];
        for (int f = 0; f < state.getRecentCount(); f++) {
            for (int k = 0; k < latents; k++) {
                mean[k] += recent[f * latents + k];
            }
        }
        for (int k = 0; k < latents; k++) {
            mean[k] /= state.getRecentCount();
        }
        return Optional.of(request(frame.sessionId(), "", mean, frame.frameTime(), state.getRecentCount(), frame.ingestNanos(),
                frame.latentNanos(), state));
    }

    private Optional<GenerationRequest> confidence(LatentFrame frame, TriggerState state, TriggerMode.Confidence confidence) {
        double last = state.getLastFreeEnergy();
        state.setLastFreeEnergy(frame.freeEnergy());
        boolean settled = !Double.isNaN(last)
                && Math.abs(frame.freeEnergy() - last) / Math.max(Math.abs(last), 1.0) < confidence.relativeChange();
        if (!settled) {
            state.setArmed(true);
            clear(state);
            return Optional.empty();
        }
        if (!state.isArmed()) {
            return Optional.empty();
        }
        add(frame, state);
        if (state.getFrames() < confidence.settledFrames()) {
            return Optional.empty();
        }
        state.setArmed(false);
        return close(frame.sessionId(), frame.frameTime(), state, frame.latentNanos());
    }

    private void add(LatentFrame frame, TriggerState state) {
        float[] sums = state.getRateSums();
        float[] rates = frame.rates();
        for (int k = 0; k < latents; k++) {
            sums[k] += rates[k];
        }
        state.setFrames(state.getFrames() + 1);
        state.setNewestIngestNanos(frame.ingestNanos());
    }

    private Optional<GenerationRequest> close(String session, double time, TriggerState state, long latentNanos) {
        Optional<GenerationRequest> request = Optional.empty();
        if (state.getFrames() > 0) {
            float[] mean = state.getRateSums().clone();
            for (int k = 0; k < latents; k++) {
                mean[k] /= state.getFrames();
            }
            request = Optional.of(request(session, state.getTarget(), mean, time, state.getFrames(), state.getNewestIngestNanos(),
                    Math.max(latentNanos, state.getNewestIngestNanos()), state));
        }
        state.setOpen(false);
        state.setTarget("");
        clear(state);
        return request;
    }

    private static void clear(TriggerState state) {
        java.util.Arrays.fill(state.getRateSums(), 0f);
        state.setFrames(0);
    }

    private static GenerationRequest request(String session, String target, float[] condition, double time, int frames,
            long ingestNanos, long latentNanos, TriggerState state) {
        GenerationRequest r = new GenerationRequest(session, state.getRequests(), target, condition, time, frames, ingestNanos, latentNanos);
        state.setRequests(state.getRequests() + 1);
        return r;
    }

    private void check(LatentFrame frame) {
        if (frame.latentCount() != latents) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "latent frame of session %s has %d latents; the trigger was built for %d", frame.sessionId(), frame.latentCount(),
                    latents));
        }
    }
}
