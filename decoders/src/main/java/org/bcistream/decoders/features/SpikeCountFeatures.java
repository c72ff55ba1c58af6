package org.bcistream.decoders.features;

import java.util.Locale;
import java.util.function.Consumer;
import org.bcistream.decoders.preprocess.ChannelMismatchException;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.SpikeEvents;

/**
 * Binned spike counts: one {@link FeatureFrame} per closed bin, rows = units, one column, values = spike
 * counts (whole numbers as floats, exact up to 2^24).
 *
 * <p>Bins are {@code [origin + b w, origin + (b + 1) w)} for b = 0, 1, ... with {@code w} =
 * {@link FeatureConfig#spikeBinSeconds()} and the origin the start of the session's first span. Bin b is
 * emitted as frame b, with frame time = its end {@code origin + (b + 1) w}, as soon as it is known complete:
 * when a span ends at or after the bin's end, or a later spike arrives. Bins the spans cover without spikes
 * are emitted as zeros, and so are bins in a gap between two spans (a gap counts as silence). Spans must
 * come in time order: a spike in a bin already emitted is a {@link LateSpikeException}. A frame's ingest
 * instant is that of the span that closed it.
 *
 * <p>Immutable and thread-safe (per-session data is in {@link SpikeCountState}); allocates only the
 * emitted frames.
 */
public final class SpikeCountFeatures {
    private final int units;
    private final double binSeconds;

    /**
     * @param units unit ids the spike events index, &gt; 0
     * @param config supplies the bin width
     */
    public SpikeCountFeatures(int units, FeatureConfig config) {
        if (units < 1) {
            throw new InvalidFeatureConfigException(String.format(Locale.ROOT, "spike counting needs >= 1 unit; got %d", units));
        }
        this.units = units;
        this.binSeconds = config.spikeBinSeconds();
    }

    /** A fresh per-session state: no origin yet, zero counts. */
    public SpikeCountState newState() {
        return new SpikeCountState(units);
    }

    /**
     * Counts one span's spikes and emits every bin it closes, in order.
     *
     * @param events the session's next span of spikes
     * @param state this session's state from {@link #newState()}
     * @param out receives the frames
     * @throws ChannelMismatchException if the events' unit count differs from this stage's
     * @throws LateSpikeException if a spike falls in a bin already emitted
     */
    public void process(SpikeEvents events, SpikeCountState state, Consumer<FeatureFrame> out) {
        if (events.unitCount() != units) {
            throw new ChannelMismatchException(String.format(Locale.ROOT,
                    "spike events of session %s have %d units, the spike-count stage expects %d", events.sessionId(),
                    events.unitCount(), units), events.unitCount(), units);
        }
        int[] counts = state.getCounts();
        if (counts == null || counts.length != units) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "spike-count state holds %d counts; this stage counts %d units", counts == null ? 0 : counts.length, units));
        }
        if (!state.isStarted()) {
            state.setStarted(true);
            state.setOriginTime(events.startTime());
            state.setOpenBin(0);
        }
        double origin = state.getOriginTime();
        for (int i = 0; i < events.spikeCount(); i++) {
            double t = events.time(i);
            long bin = binOf(t, origin);
            if (bin < state.getOpenBin()) {
                throw new LateSpikeException(String.format(Locale.ROOT,
                        "spike %d of session %s at %.6f s falls in bin %d [%.6f, %.6f) s, which was already emitted "
                                + "(the open bin is %d)", i, events.sessionId(), t, bin, binStart(bin, origin),
                        binStart(bin + 1, origin), state.getOpenBin()));
            }
            while (state.getOpenBin() < bin) {
                emitOpenBin(events, state, out);
            }
            counts[events.unit(i)]++;
        }
        while (binStart(state.getOpenBin() + 1, origin) <= events.endTime()) {
            emitOpenBin(events, state, out);
        }
    }

    private void emitOpenBin(SpikeEvents events, SpikeCountState state, Consumer<FeatureFrame> out) {
        int[] counts = state.getCounts();
        float[] values = new float[units];
        for (int u = 0; u < units; u++) {
            values[u] = counts[u];
            counts[u] = 0;
        }
        long bin = state.getOpenBin();
        out.accept(new FeatureFrame(events.sessionId(), bin, binStart(bin + 1, state.getOriginTime()), units, 1, values,
                events.ingestNanos()));
        state.setOpenBin(bin + 1);
    }

    /** The bin holding {@code t}, consistent with {@link #binStart} at the edges despite rounding. */
    private long binOf(double t, double origin) {
        long bin = (long) Math.floor((t - origin) / binSeconds);
        if (t < binStart(bin, origin)) {
            bin--;
        } else if (t >= binStart(bin + 1, origin)) {
            bin++;
        }
        return bin;
    }

    private double binStart(long bin, double origin) {
        return origin + bin * binSeconds;
    }
}
