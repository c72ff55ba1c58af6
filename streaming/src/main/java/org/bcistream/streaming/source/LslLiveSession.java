package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTimeoutException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;

/**
 * One live LSL stream read as a session: chunks as they arrive, time stamps mapped to the local LSL clock with
 * the inlet's time correction (refreshed every {@value #CORRECTION_REFRESH_SECONDS} s), the optional marker
 * stream's samples as markers, and the stream's health as markers, never silently: {@code stream lost} when no
 * sample came for {@link #lossAfterSeconds()} after the first, {@code stream recovered} with the gap when samples come back,
 * {@code dropped} when time stamps skip samples. Not thread-safe; owned by one source reader.
 */
final class LslLiveSession implements AutoCloseable {
    static final double CORRECTION_REFRESH_SECONDS = 5;
    private static final int MAX_CHUNK_SAMPLES = 4096;

    private final LslSplit split;
    private final LslRuntime runtime;
    private final StreamInlet inlet;
    private final StreamInlet markerInlet;
    private final int channels;
    private final double rate;
    private final String streamName;
    private final float[] values;
    private final double[] stamps;
    private final String[] labels = new String[1];
    private double correction;
    private long correctedAtNanos = Long.MIN_VALUE;
    private long lastDataNanos;
    private double lastStamp = Double.NaN;
    private boolean lost;
    private long lostAtNanos;

    private LslLiveSession(LslSplit split, LslRuntime runtime, StreamInfo info, StreamInlet inlet, StreamInlet markerInlet) {
        this.split = split;
        this.runtime = runtime;
        this.inlet = inlet;
        this.markerInlet = markerInlet;
        this.channels = info.channelCount();
        this.rate = info.nominalSrate();
        this.streamName = info.name();
        this.values = new float[MAX_CHUNK_SAMPLES * channels];
        this.stamps = new double[MAX_CHUNK_SAMPLES];
        this.lastDataNanos = System.nanoTime();
    }

    /** Resolves the split's stream (by source id first, then as the spec says) and opens it. */
    static LslLiveSession open(LslSplit split) throws IOException {
        LslSourceSpec spec = LslSourceSpec.parse(split.spec());
        LslRuntime runtime = Lsl.open();
        try {
            StreamInfo info = spec.resolve(runtime, split.sourceId());
            StreamInlet inlet = runtime.createInlet(info);
            inlet.openStream(spec.resolveTimeoutSeconds());
            double correction = 0;
            try {
                correction = inlet.timeCorrection(spec.resolveTimeoutSeconds());
            } catch (LslTimeoutException notYet) {
                // the first polls retry without waiting
            }
            StreamInlet markers = null;
            if (spec.markerStream() != null) {
                markers = runtime.createInlet(LslSourceSpec.first(runtime, "name", spec.markerStream(), spec.resolveTimeoutSeconds()));
                markers.openStream(spec.resolveTimeoutSeconds());
            }
            LslLiveSession session = new LslLiveSession(split, runtime, info, inlet, markers);
            session.correction = correction;
            session.correctedAtNanos = correction != 0 ? System.nanoTime() : Long.MIN_VALUE;
            return session;
        } catch (LslException | IOException e) {
            runtime.close();
            throw e instanceof IOException io ? io : new IOException("LSL source " + spec + ": " + e.getMessage(), e);
        }
    }

    /** Seconds without samples after which the stream counts as lost: 20 sample periods, at least 0.5 s. */
    double lossAfterSeconds() {
        return rate > 0 ? Math.max(0.5, 20 / rate) : 5.0;
    }

    /**
     * Takes what arrived since the last poll.
     *
     * @return true if anything was emitted
     */
    boolean poll(List<SessionEvent> out) {
        long now = System.nanoTime();
        refreshCorrection(now);
        boolean any = pollMarkers(out);
        int n = inlet.pullChunk(values, stamps, 0.0);
        if (n > 0) {
            double first = stamps[0] + correction;
            if (lost) {
                out.add(marker(first, String.format(Locale.ROOT, "stream recovered: %s after %.3f s without samples%s", streamName,
                        (now - lostAtNanos) / 1e9 + lossAfterSeconds(), missing(first))));
                lost = false;
            } else if (!Double.isNaN(lastStamp) && rate > 0 && first - lastStamp > 2.0 / rate) {
                out.add(marker(first, String.format(Locale.ROOT, "dropped: %s%s", streamName, missing(first))));
            }
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.max(stamps[i] + correction, i > 0 ? t[i - 1] : Double.NEGATIVE_INFINITY);
            }
            if (!Double.isNaN(lastStamp) && t[0] < lastStamp) {
                double shift = lastStamp - t[0];
                for (int i = 0; i < n; i++) {
                    t[i] = Math.max(t[i], lastStamp);
                }
                out.add(marker(lastStamp, String.format(Locale.ROOT, "clock: %s time stamps went back %.6f s and were held", streamName, shift)));
            }
            out.add(SessionEvent.of(new SignalChunk(split.sessionId(), streamName, channels, rate, t,
                    java.util.Arrays.copyOf(values, n * channels), now)));
            lastStamp = t[n - 1];
            lastDataNanos = now;
            return true;
        }
        if (!lost && !Double.isNaN(lastStamp) && (now - lastDataNanos) / 1e9 > lossAfterSeconds()) {
            lost = true;
            lostAtNanos = now;
            out.add(marker(lastStamp, String.format(Locale.ROOT,
                    "stream lost: %s sent no samples for %.3f s", streamName, lossAfterSeconds())));
            return true;
        }
        return any;
    }

    private String missing(double first) {
        if (Double.isNaN(lastStamp) || rate <= 0) {
            return "";
        }
        long samples = Math.round((first - lastStamp) * rate) - 1;
        return samples > 0 ? String.format(Locale.ROOT, " (%d samples missing, %.3f s)", samples, samples / rate) : "";
    }

    private boolean pollMarkers(List<SessionEvent> out) {
        if (markerInlet == null) {
            return false;
        }
        boolean any = false;
        double t;
        while ((t = markerInlet.pullSample(labels, 0.0)) > 0) {
            out.add(SessionEvent.of(parseMarker(t + correction, labels[0])));
            any = true;
        }
        return any;
    }

    private MarkerEvent parseMarker(double time, String label) {
        int colon = label.indexOf(':');
        if (colon > 0) {
            try {
                return new MarkerEvent(split.sessionId(), time, MarkerKind.valueOf(label.substring(0, colon)), label.substring(colon + 1));
            } catch (IllegalArgumentException notAKind) {
                // plain text with a colon
            }
        }
        return new MarkerEvent(split.sessionId(), time, MarkerKind.TEXT, label);
    }

    private SessionEvent marker(double time, String text) {
        return SessionEvent.of(new MarkerEvent(split.sessionId(), time, MarkerKind.TEXT, text));
    }

    private void refreshCorrection(long now) {
        if (correctedAtNanos != Long.MIN_VALUE && (now - correctedAtNanos) / 1e9 < CORRECTION_REFRESH_SECONDS && !inlet.wasClockReset()) {
            return;
        }
        try {
            correction = inlet.timeCorrection(0.0);
            correctedAtNanos = now;
        } catch (LslTimeoutException stillMeasuring) {
            // keep the last estimate; try again on the next poll
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
