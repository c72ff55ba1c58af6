package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.Collection;
import org.bcistream.streaming.config.Pacing;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.bcistream.decoders.record.SessionEvent;

/**
 * A bounded Flink source that replays a recording ({@code --source file:...}) through the live pipeline:
 * one split per replayed stream, chunks with the recording's time stamps as event time, markers before
 * the chunk they fall in, paced like a live device or as fast as possible. Deterministic: the same file
 * and spec give the same events. Checkpoints carry each session's position (samples and markers emitted).
 */
public final class RecordingSource
        implements Source<SessionEvent, ReplaySplit, Collection<ReplaySplit>>, ResultTypeQueryable<SessionEvent> {
    private static final long serialVersionUID = 1L;
    private final Pacing pacing;
    private final ArrayList<ReplaySplit> splits;

    /** A source for the plan's splits, paced as its spec says. */
    public RecordingSource(ReplayPlan plan) {
        this.pacing = plan.spec().pacing();
        this.splits = new ArrayList<>(plan.splits());
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<SessionEvent, ReplaySplit> createReader(SourceReaderContext readerContext) {
        return new PacedSessionReader<>(pacing, ReplayedSession::resume);
    }

    @Override
    public SplitEnumerator<ReplaySplit, Collection<ReplaySplit>> createEnumerator(SplitEnumeratorContext<ReplaySplit> context) {
        return new SessionSplitEnumerator<>(context, splits);
    }

    @Override
    public SplitEnumerator<ReplaySplit, Collection<ReplaySplit>> restoreEnumerator(
            SplitEnumeratorContext<ReplaySplit> context, Collection<ReplaySplit> checkpoint) {
        return new SessionSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<ReplaySplit> getSplitSerializer() {
        return new ReplaySplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<ReplaySplit>> getEnumeratorCheckpointSerializer() {
        return new PendingSplitsSerializer<>("replay source", new ReplaySplitSerializer());
    }

    @Override
    public TypeInformation<SessionEvent> getProducedType() {
        return TypeInformation.of(SessionEvent.class);
    }
}
