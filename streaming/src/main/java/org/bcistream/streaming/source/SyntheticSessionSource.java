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
 * A bounded Flink source of synthetic-subject sessions ({@code --source sim:...}): one split per session,
 * each a labelled simulated subject on a device profile, emitting signal chunks (or spike events) and cue
 * markers with source-clock time stamps. Checkpoints carry each session's simulator state, so a restored
 * job continues every session sample-exactly.
 */
public final class SyntheticSessionSource
        implements Source<SessionEvent, SyntheticSessionSplit, Collection<SyntheticSessionSplit>>,
                ResultTypeQueryable<SessionEvent> {
    private static final long serialVersionUID = 1L;
    private final SimulationSpec spec;

    public SyntheticSessionSource(SimulationSpec spec) {
        this.spec = spec;
        SimulatedSession.checkSpec(spec);
    }

    /** The spec this source simulates. */
    public SimulationSpec spec() {
        return spec;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<SessionEvent, SyntheticSessionSplit> createReader(SourceReaderContext readerContext) {
        return new SyntheticSessionReader(spec.pacing());
    }

    @Override
    public SplitEnumerator<SyntheticSessionSplit, Collection<SyntheticSessionSplit>> createEnumerator(
            SplitEnumeratorContext<SyntheticSessionSplit> context) {
        List<SyntheticSessionSplit> splits = new ArrayList<>(spec.sessions());
        for (int i = 1; i <= spec.sessions(); i++) {
            splits.add(SyntheticSessionSplit.fresh(i, spec));
        }
        return new SyntheticSessionEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<SyntheticSessionSplit, Collection<SyntheticSessionSplit>> restoreEnumerator(
            SplitEnumeratorContext<SyntheticSessionSplit> context, Collection<SyntheticSessionSplit> checkpoint) {
        return new SyntheticSessionEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SyntheticSessionSplit> getSplitSerializer() {
        return new SyntheticSessionSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<SyntheticSessionSplit>> getEnumeratorCheckpointSerializer() {
        return new SyntheticSessionSplitSerializer.Pending();
    }

    @Override
    public TypeInformation<SessionEvent> getProducedType() {
        return TypeInformation.of(SessionEvent.class);
    }
}
