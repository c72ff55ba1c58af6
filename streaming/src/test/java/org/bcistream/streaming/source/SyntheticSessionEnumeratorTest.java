package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSessionEnumeratorTest {
    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:sessions=5,duration=1s");

    private static List<SyntheticSessionSplit> splits(int... indices) {
        List<SyntheticSessionSplit> out = new ArrayList<>();
        for (int i : indices) {
            out.add(SyntheticSessionSplit.fresh(i, SPEC));
        }
        return out;
    }

    private static SyntheticSessionEnumerator enumerator(TestingSplitEnumeratorContext<SyntheticSessionSplit> context) {
        return new SyntheticSessionEnumerator(context, splits(1, 2, 3, 4, 5));
    }

    @Test
    void sessionIGoesToReaderIMinusOneModParallelismThenNoMoreSplits() throws Exception {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator enumerator = enumerator(context);
        enumerator.start();
        context.registerReader(1);
        enumerator.addReader(1);
        context.registerReader(0);
        enumerator.addReader(0);

        assertEquals(splits(2, 4), context.assignedTo(1));
        assertEquals(splits(1, 3, 5), context.assignedTo(0));
        assertEquals(List.of(
                "assign 1 sim-2", "assign 1 sim-4", "noMoreSplits 1",
                "assign 0 sim-1", "assign 0 sim-3", "assign 0 sim-5", "noMoreSplits 0"), context.calls);
        assertEquals(List.of(), new ArrayList<>(enumerator.snapshotState(1)));
        enumerator.close();
    }

    @Test
    void moreReadersThanSessionsGetNoSplitsButTheSignal() {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(8);
        SyntheticSessionEnumerator enumerator = enumerator(context);
        for (int r = 0; r < 8; r++) {
            context.registerReader(r);
            enumerator.addReader(r);
        }
        for (int r = 0; r < 8; r++) {
            assertEquals(r < 5 ? splits(r + 1) : List.of(), context.assignedTo(r), "reader " + r);
        }
        assertEquals(8, context.calls.stream().filter(c -> c.startsWith("noMoreSplits")).count());
    }

    @Test
    void parallelismOneTakesEverySessionInIndexOrder() {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(1);
        SyntheticSessionEnumerator enumerator = new SyntheticSessionEnumerator(context, splits(4, 2, 5, 1, 3));
        context.registerReader(0);
        enumerator.addReader(0);
        assertEquals(splits(1, 2, 3, 4, 5), context.assignedTo(0));
    }

    @Test
    void snapshotHoldsTheUnassignedSplitsInIndexOrder() throws Exception {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator enumerator = new SyntheticSessionEnumerator(context, splits(5, 3, 1, 4, 2));
        assertEquals(splits(1, 2, 3, 4, 5), new ArrayList<>(enumerator.snapshotState(1)));
        context.registerReader(0);
        enumerator.addReader(0);
        assertEquals(splits(2, 4), new ArrayList<>(enumerator.snapshotState(2)));

        // a restored enumerator continues from its checkpoint
        TestingSplitEnumeratorContext<SyntheticSessionSplit> restoredContext = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator restored = new SyntheticSessionEnumerator(restoredContext, enumerator.snapshotState(2));
        restoredContext.registerReader(1);
        restored.addReader(1);
        assertEquals(splits(2, 4), restoredContext.assignedTo(1));
    }

    @Test
    void splitsAddedBackAreReassignedToTheirRegisteredReader() throws Exception {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator enumerator = enumerator(context);
        context.registerReader(0);
        enumerator.addReader(0);
        context.calls.clear();

        SyntheticSessionSplit progressed = new SyntheticSessionSplit(3, SPEC.toString(), new byte[] {1, 2, 3});
        enumerator.addSplitsBack(List.of(SyntheticSessionSplit.fresh(1, SPEC), progressed), 0);
        assertEquals(List.of("assign 0 sim-1", "assign 0 sim-3", "noMoreSplits 0"), context.calls);
        assertEquals(progressed, context.assignedTo(0).get(context.assignedTo(0).size() - 1), "the split comes back as it was added");
        assertEquals(splits(2, 4), new ArrayList<>(enumerator.snapshotState(3)));
    }

    @Test
    void splitsAddedBackForAnUnregisteredReaderWaitUntilItRegisters() throws Exception {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator enumerator = enumerator(context);
        context.registerReader(0);
        enumerator.addReader(0);
        context.unregisterReader(0); // the subtask failed
        context.calls.clear();

        enumerator.addSplitsBack(splits(1, 3, 5), 0);
        assertEquals(List.of(), context.calls);
        assertEquals(splits(1, 2, 3, 4, 5), new ArrayList<>(enumerator.snapshotState(4)));

        context.registerReader(0);
        enumerator.addReader(0);
        assertEquals(List.of("assign 0 sim-1", "assign 0 sim-3", "assign 0 sim-5", "noMoreSplits 0"), context.calls);
        assertEquals(splits(2, 4), new ArrayList<>(enumerator.snapshotState(5)));
    }

    @Test
    void splitRequestsChangeNothing() throws Exception {
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        SyntheticSessionEnumerator enumerator = enumerator(context);
        enumerator.handleSplitRequest(0, "host-0");
        assertEquals(List.of(), context.calls);
        assertEquals(splits(1, 2, 3, 4, 5), new ArrayList<>(enumerator.snapshotState(1)));
    }
}
