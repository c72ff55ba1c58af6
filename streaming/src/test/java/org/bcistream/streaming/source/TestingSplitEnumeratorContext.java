package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A {@link SplitEnumeratorContext} that records assignments and no-more-splits signals in call order; the
 * parallelism and the registered readers are set by the test.
 */
final class TestingSplitEnumeratorContext<S extends SourceSplit> implements SplitEnumeratorContext<S> {
    private final int parallelism;
    private final Map<Integer, ReaderInfo> readers = new TreeMap<>();
    /** Splits assigned per subtask, in assignment order. */
    final Map<Integer, List<S>> assigned = new TreeMap<>();
    /** Every call, in order: "assign <subtask> <splitId>" or "noMoreSplits <subtask>". */
    final List<String> calls = new ArrayList<>();

    TestingSplitEnumeratorContext(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Registers a reader, as Flink does before it calls {@code addReader}. */
    void registerReader(int subtask) {
        readers.put(subtask, new ReaderInfo(subtask, "host-" + subtask));
    }

    /** Unregisters a reader, as Flink does when the subtask fails. */
    void unregisterReader(int subtask) {
        readers.remove(subtask);
    }

    List<S> assignedTo(int subtask) {
        return assigned.getOrDefault(subtask, List.of());
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        throw new UnsupportedOperationException("no source events expected");
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return new LinkedHashMap<>(readers);
    }

    @Override
    public void assignSplits(SplitsAssignment<S> newAssignments) {
        newAssignments.assignment().forEach((subtask, splits) -> {
            if (subtask < 0 || subtask >= parallelism) {
                throw new AssertionError("assignment to subtask " + subtask + " of parallelism " + parallelism);
            }
            for (S split : splits) {
                assigned.computeIfAbsent(subtask, k -> new ArrayList<>()).add(split);
                calls.add("assign " + subtask + " " + split.splitId());
            }
        });
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        calls.add("noMoreSplits " + subtask);
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        throw new UnsupportedOperationException("no asynchronous calls expected");
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
        throw new UnsupportedOperationException("no asynchronous calls expected");
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        throw new UnsupportedOperationException("no coordinator-thread calls expected");
    }
}
