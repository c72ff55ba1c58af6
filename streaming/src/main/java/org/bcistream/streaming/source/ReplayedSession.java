package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.decoders.record.InvalidRecordException;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.Recordings;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * One recorded stream replayed as a session: chunks of {@code chunkSamples} samples with the recording's
 * time stamps, values converted to microvolts from the channels' units, and the session's markers before
 * the chunk they fall in. Reads one chunk ahead (to know when it ends), never the whole stream.
 *
 * <p>Marker labels written by the engine's XDF recorder ({@code CUE:A}, {@code TRIAL_END:A},
 * {@code TRIGGER:128}, {@code TEXT:...}) come back with their kind; other annotation labels become
 * {@link MarkerKind#TEXT} and hardware trigger codes {@link MarkerKind#TRIGGER}.
 */
final class ReplayedSession implements SessionCursor<ReplaySplit> {
    private final ReplaySplit split;
    private final Recording recording;
    private final RecordedStream stream;
    private final SampleCursor cursor;
    private final List<RecordedMarker> markers;
    private final float[] microvoltsPerUnit;
    private final double[] times;
    private final float[] values;
    private final double[] scratchTimes;
    private final float[] scratchValues;
    private long samplesDone;
    private int markersDone;
    private int pending;

    private ReplayedSession(ReplaySplit split, Recording recording, RecordedStream stream, List<RecordedMarker> markers)
            throws IOException {
        this.split = split;
        this.recording = recording;
        this.stream = stream;
        this.markers = markers;
        this.microvoltsPerUnit = ChannelUnits.microvoltsPerUnit(stream);
        this.cursor = recording.open(stream);
        this.times = new double[split.chunkSamples()];
        this.values = new float[split.chunkSamples() * stream.channelCount()];
        this.scratchTimes = new double[split.chunkSamples()];
        this.scratchValues = new float[values.length];
        this.samplesDone = split.samplesDone();
        this.markersDone = split.markersDone();
        skip(split.samplesDone());
        readAhead();
    }

    /** Opens the split's recording and positions the session where the split says. */
    static ReplayedSession resume(ReplaySplit split) throws IOException {
        ReplaySpec spec = ReplaySpec.parse(split.spec());
        Recording recording = Recordings.open(spec.file());
        try {
            RecordedStream stream = recording.streams().stream().filter(s -> s.id().equals(split.streamId())).findFirst()
                    .orElseThrow(() -> new RecordingFormatException(spec.file() + " has no stream " + split.streamId()
                            + " any more; it was replayed as session " + split.sessionId()));
            List<RecordedMarker> mine = ReplayPlan.markersOf(recording, stream, ReplayPlan.selectStreams(recording, spec));
            return new ReplayedSession(split, recording, stream, mine);
        } catch (IOException | RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int n = cursor.read(scratchTimes, scratchValues, (int) Math.min(left, scratchTimes.length));
            if (n < 0) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: stream %s ends after %d samples, but the replay had reached sample %d", recording.path(),
                        stream.id(), count - left, count));
            }
            left -= n;
        }
    }

    private void readAhead() throws IOException {
        int n = 0;
        while (n < times.length) {
            int got = cursor.read(scratchTimes, scratchValues, times.length - n);
            if (got < 0) {
                break;
            }
            System.arraycopy(scratchTimes, 0, times, n, got);
            System.arraycopy(scratchValues, 0, values, n * stream.channelCount(), got * stream.channelCount());
            n += got;
        }
        pending = n;
    }

    @Override
    public boolean hasNext() {
        return pending > 0 || markersDone < markers.size();
    }

    @Override
    public double nextBlockStart() {
        return pending > 0 ? times[0] : markers.get(markersDone).time();
    }

    @Override
    public double nextBlockEnd() {
        if (pending == 0) {
            return markers.get(markersDone).time();
        }
        return stream.nominalRateHz() > 0 ? times[pending - 1] + 1.0 / stream.nominalRateHz() : times[pending - 1];
    }

    @Override
    public List<SessionEvent> nextBlock(long ingestNanos) throws IOException {
        List<SessionEvent> events = new ArrayList<>(4);
        double end = nextBlockEnd();
        while (markersDone < markers.size() && (pending == 0 || markers.get(markersDone).time() < end)) {
            events.add(SessionEvent.of(marker(markers.get(markersDone++))));
            if (pending == 0) {
                return events; // markers after the last sample: one per block
            }
        }
        if (pending > 0) {
            int channels = stream.channelCount();
            float[] chunk = new float[pending * channels];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = values[i] * microvoltsPerUnit[i % channels];
            }
            try {
                events.add(SessionEvent.of(new SignalChunk(split.sessionId(), stream.name().isEmpty() ? stream.id() : stream.name(),
                        channels, stream.nominalRateHz(), java.util.Arrays.copyOf(times, pending), chunk, ingestNanos)));
            } catch (InvalidRecordException e) {
                throw new RecordingFormatException(String.format(Locale.ROOT, "%s, stream %s, samples %d..%d: %s",
                        recording.path(), stream.id(), samplesDone, samplesDone + pending - 1, e.getMessage()), e);
            }
            samplesDone += pending;
            readAhead();
        }
        return events;
    }

    private MarkerEvent marker(RecordedMarker m) {
        if (m.kind() == RecordedMarker.Kind.TRIGGER) {
            return new MarkerEvent(split.sessionId(), m.time(), MarkerKind.TRIGGER, m.label());
        }
        int colon = m.label().indexOf(':');
        if (colon > 0) {
            try {
                MarkerKind kind = MarkerKind.valueOf(m.label().substring(0, colon));
                return new MarkerEvent(split.sessionId(), m.time(), kind, m.label().substring(colon + 1));
            } catch (IllegalArgumentException notAKind) {
                // an annotation that merely contains a colon
            }
        }
        return new MarkerEvent(split.sessionId(), m.time(), MarkerKind.TEXT, m.label());
    }

    @Override
    public ReplaySplit snapshot() {
        return new ReplaySplit(split.sessionIndex(), split.spec(), split.streamId(), split.sessionId(), split.chunkSamples(),
                samplesDone, markersDone);
    }

    @Override
    public void close() throws IOException {
        try {
            cursor.close();
        } finally {
            recording.close();
        }
    }
}
