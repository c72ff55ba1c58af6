package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * An unbounded Flink source of one live LSL stream per split ({@code --source lsl:...}): signal chunks as they
 * arrive with time stamps on the local LSL clock as event time, the marker stream's markers, and the stream's
 * loss, recovery and drops as markers. Runs until the job is cancelled.
 */
public final class LslSessionSource
        implements Source<SessionEvent, LslSplit, Collection<LslSplit>>, ResultTypeQueryable<SessionEvent> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<LslSplit> splits;

    /** @param splits one per stream to read */
    public LslSessionSource(List<LslSplit> splits) {
        this.splits = new ArrayList<>(splits);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<SessionEvent, LslSplit> createReader(SourceReaderContext readerContext) {
        return new LslSessionReader();
    }

    @Override
    public SplitEnumerator<LslSplit, Collection<LslSplit>> createEnumerator(SplitEnumeratorContext<LslSplit> context) {
        return new SessionSplitEnumerator<>(context, splits);
    }

    @Override
    public SplitEnumerator<LslSplit, Collection<LslSplit>> restoreEnumerator(SplitEnumeratorContext<LslSplit> context,
            Collection<LslSplit> checkpoint) {
        return new SessionSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<LslSplit> getSplitSerializer() {
        return new LslSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<LslSplit>> getEnumeratorCheckpointSerializer() {
        return new PendingSplitsSerializer<>("LSL source", new LslSplitSerializer());
    }

    @Override
    public TypeInformation<SessionEvent> getProducedType() {
        return TypeInformation.of(SessionEvent.class);
    }
}
