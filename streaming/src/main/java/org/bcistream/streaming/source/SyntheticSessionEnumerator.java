package org.bcistream.streaming.source;

import java.util.Collection;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/** The {@link SessionSplitEnumerator} of simulated sessions. */
final class SyntheticSessionEnumerator extends SessionSplitEnumerator<SyntheticSessionSplit> {
    SyntheticSessionEnumerator(SplitEnumeratorContext<SyntheticSessionSplit> context, Collection<SyntheticSessionSplit> splits) {
        super(context, splits);
    }
}
