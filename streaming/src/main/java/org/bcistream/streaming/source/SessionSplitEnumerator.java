package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out sessions to source readers: session {@code i} goes to reader {@code (i - 1) mod parallelism},
 * all at once when the reader registers, so a reader can interleave its sessions in time. Splits returned
 * after a failure go back to the pool and are handed out again.
 *
 * @param <SplitT> the source's split type
 */
class SessionSplitEnumerator<SplitT extends IndexedSplit> implements SplitEnumerator<SplitT, Collection<SplitT>> {
    private final SplitEnumeratorContext<SplitT> context;
    private final TreeMap<Integer, SplitT> unassigned = new TreeMap<>();

    SessionSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        splits.forEach(s -> unassigned.put(s.sessionIndex(), s));
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        splits.forEach(s -> unassigned.put(s.sessionIndex(), s));
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
        int parallelism = context.currentParallelism();
        List<SplitT> mine = new ArrayList<>();
        unassigned.values().removeIf(s -> {
            boolean take = (s.sessionIndex() - 1) % parallelism == subtaskId;
            if (take) {
                mine.add(s);
            }
            return take;
        });
        mine.forEach(s -> context.assignSplit(s, subtaskId));
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public Collection<SplitT> snapshotState(long checkpointId) {
        return new ArrayList<>(unassigned.values());
    }

    @Override
    public void close() {}
}
