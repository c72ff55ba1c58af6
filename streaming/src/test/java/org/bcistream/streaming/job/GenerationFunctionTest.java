package org.bcistream.streaming.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.bcistream.decoders.generate.OutputGenerator;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.GenerationStatus;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generation operator's queue, overflow policy, budgets and latency instants, on an injected clock. */
class GenerationFunctionTest {
    private static final AtomicLong NOW = new AtomicLong();
    private static final List<Long> BUDGETS = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private GenerationFunction function;

    /** Waits at the gate, then returns the request's target as the payload, at the clock's time + 30 ms. */
    static final class GatedGenerator implements OutputGenerator {
        @Override
        public OutputKind kind() {
            return OutputKind.IMAGE;
        }

        @Override
        public Generated generate(GenerationRequest request, long budgetNanos) throws Exception {
            BUDGETS.add(budgetNanos);
            assertTrue(gate.await(10, TimeUnit.SECONDS));
            if (request.target().equals("boom")) {
                throw new IllegalStateException("the model fell over");
            }
            NOW.addAndGet(30_000_000);
            return new Generated(request.target().getBytes(java.nio.charset.StandardCharsets.UTF_8), 4);
        }
    }

    /** Collects one completion. */
    static final class Result implements ResultFuture<DecodedOutput> {
        final CompletableFuture<Collection<DecodedOutput>> done = new CompletableFuture<>();

        @Override
        public void complete(Collection<DecodedOutput> result) {
            done.complete(result);
        }

        @Override
        public void completeExceptionally(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void complete(CollectionSupplier<DecodedOutput> supplier) {
            try {
                done.complete(supplier.get());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }

        DecodedOutput get() throws Exception {
            Collection<DecodedOutput> all = done.get(10, TimeUnit.SECONDS);
            assertEquals(1, all.size());
            return all.iterator().next();
        }
    }

    private static GenerationRequest request(long index, String target, long ingestNanos) {
        return new GenerationRequest("s1", index, target, new float[] {1f, 2f}, 10.0 + index, 4, ingestNanos, ingestNanos + 1_000_000);
    }

    private Result submit(GenerationRequest request) {
        Result result = new Result();
        function.asyncInvoke(request, result);
        return result;
    }

    private void open(int workers, int queue) {
        BUDGETS.clear();
        NOW.set(100_000_000);
        function = new GenerationFunction(GatedGenerator::new, OutputKind.IMAGE, workers, queue, 50_000_000, NOW::get);
        function.open(DefaultOpenContext.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        gate.countDown();
        function.close();
    }

    @Test
    void aFullQueueAnswersTheNewestRequestAtOnceAndGeneratesTheOthers() throws Exception {
        gate = new CountDownLatch(1);
        open(1, 2);
        Result first = submit(request(0, "A", 90_000_000));
        Result second = submit(request(1, "B", 95_000_000));
        Result third = submit(request(2, "C", 99_000_000));
        DecodedOutput skipped = third.get();
        assertEquals(GenerationStatus.SKIPPED_QUEUE_FULL, skipped.status());
        assertEquals(2, skipped.index());
        assertEquals("C", skipped.target());
        assertEquals(0, skipped.payload().length);
        assertFalse(first.done.isDone(), "the first request waits for the generator");
        assertEquals(3, function.operatorCapacity(), "the operator in front never fills before the queue does");

        gate.countDown();
        DecodedOutput a = first.get();
        DecodedOutput b = second.get();
        assertEquals(GenerationStatus.GENERATED, a.status());
        assertArrayEquals("A".getBytes(java.nio.charset.StandardCharsets.UTF_8), a.payload());
        assertEquals(4, a.generatorSteps());
        assertEquals(OutputKind.IMAGE, a.kind());
        // the first started at 100 ms, ingested at 90 ms: 40 ms of its 50 ms budget left; it took 30 ms
        assertEquals(40_000_000L, BUDGETS.get(0));
        assertEquals(90_000_000, a.latency().ingestNanos());
        assertEquals(91_000_000, a.latency().latentNanos());
        assertEquals(130_000_000, a.latency().generatedNanos());
        assertTrue(a.deadlineMet(), a.toString());
        // the second waited for the first: started at 130 ms, ingested at 95 ms, 15 ms left, done at 160 ms
        assertEquals(15_000_000L, BUDGETS.get(1));
        assertEquals(160_000_000, b.latency().generatedNanos());
        assertFalse(b.deadlineMet(), "65 ms after ingest against a 50 ms budget");

        Result again = submit(request(3, "D", 170_000_000));
        assertEquals(GenerationStatus.GENERATED, again.get().status(), "slots are released after each generation");
    }

    @Test
    void aFailingGeneratorYieldsAFailedOutputNotAnError() throws Exception {
        gate = new CountDownLatch(0);
        open(1, 1);
        DecodedOutput failed = submit(request(0, "boom", 90_000_000)).get();
        assertEquals(GenerationStatus.FAILED, failed.status());
        assertFalse(failed.deadlineMet());
        assertEquals(GenerationStatus.GENERATED, submit(request(1, "E", 95_000_000)).get().status());
    }

    @Test
    void aBudgetOrQueueThatCannotWorkIsRefused() {
        function = new GenerationFunction(GatedGenerator::new, OutputKind.IMAGE, 1, 1, 1, NOW::get);
        assertThrows(IllegalArgumentException.class,
                () -> new GenerationFunction(GatedGenerator::new, OutputKind.IMAGE, 2, 1, 50_000_000, NOW::get));
        assertThrows(IllegalArgumentException.class,
                () -> new GenerationFunction(GatedGenerator::new, OutputKind.IMAGE, 1, 1, 0, NOW::get));
    }
}
