package org.bcistream.streaming.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.bcistream.decoders.generate.GeneratorFactory;
import org.bcistream.decoders.generate.OutputGenerator;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.GenerationStatus;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation operator: turns trigger requests into decoded outputs on its own worker threads, off the
 * ingest path. At most {@code queueCapacity} requests are queued or running per subtask; a request that finds
 * the queue full is not generated but answered at once with a {@link GenerationStatus#SKIPPED_QUEUE_FULL}
 * output (the overflow policy: refuse the newest, never block), so the async operator in front of it (whose
 * capacity must exceed {@code queueCapacity}) never backpressures the pipeline. Every request yields exactly
 * one output; {@link EmitDecoded} after it stamps the emission instant and counts them (failures and skips as
 * missed deadlines).
 *
 * <p>Each output's latency starts at the request's ingest instant (acquisition to ingest is the source's,
 * not measured here); the generator gets what is left of the budget when its worker starts it.
 */
public final class GenerationFunction extends RichAsyncFunction<GenerationRequest, DecodedOutput> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GenerationFunction.class);

    private final GeneratorFactory factory;
    private final OutputKind kind;
    private final int workers;
    private final int queueCapacity;
    private final long budgetNanos;
    private final NanoClock clock;

    private transient ExecutorService pool;
    private transient ThreadLocal<OutputGenerator> generators;
    private transient List<OutputGenerator> created;
    private transient Semaphore slots;

    /**
     * @param factory builds one generator per worker thread
     * @param kind what the generators produce
     * @param workers worker threads per subtask, {@code >= 1}
     * @param queueCapacity requests queued or running per subtask, {@code >= workers}
     * @param budgetNanos each request's budget from ingest to emission, nanoseconds, {@code > 0}
     * @param clock the local monotonic clock (injected for tests)
     */
    public GenerationFunction(GeneratorFactory factory, OutputKind kind, int workers, int queueCapacity, long budgetNanos,
            NanoClock clock) {
        if (workers < 1 || queueCapacity < workers || budgetNanos <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "generation needs >= 1 worker, a queue at least as large (got %d workers, queue %d) and a budget > 0 (got %d ns)",
                    workers, queueCapacity, budgetNanos));
        }
        this.factory = factory;
        this.kind = kind;
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.budgetNanos = budgetNanos;
        this.clock = clock;
    }

    /** The capacity the async operator in front of this function should have: more than the queue, so it never blocks. */
    public int operatorCapacity() {
        return queueCapacity + 1;
    }

    @Override
    public void open(OpenContext openContext) {
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bcistream-generate-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        created = Collections.synchronizedList(new ArrayList<>());
        generators = ThreadLocal.withInitial(() -> {
            try {
                OutputGenerator g = factory.create();
                created.add(g);
                return g;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot build the generator: " + e.getMessage(), e);
            }
        });
        slots = new Semaphore(queueCapacity);
        createOnEveryWorker();
    }

    /**
     * Builds (and so warms up) every worker's generator before the first request, one per pool thread, so the first
     * outputs do not pay for loading and calibration, and a generator that cannot be built fails the job at start.
     */
    private void createOnEveryWorker() {
        CountDownLatch all = new CountDownLatch(workers);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            tasks.add(pool.submit(() -> {
                generators.get();
                all.countDown();
                all.await(); // hold this thread so every task runs on a thread of its own
                return null;
            }));
        }
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the generators", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot build the generator: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void asyncInvoke(GenerationRequest request, ResultFuture<DecodedOutput> future) {
        if (!slots.tryAcquire()) {
            emit(request, GenerationStatus.SKIPPED_QUEUE_FULL, null, 0, clock.nanoTime(), future);
            return;
        }
        pool.execute(() -> {
            OutputGenerator.Generated result = null;
            long generatedNanos;
            try {
                long start = clock.nanoTime();
                long left = Math.max(1, budgetNanos - (start - request.ingestNanos()));
                result = generators.get().generate(request, left);
            } catch (Exception | Error e) {
                LOG.warn("generation {} of session {} failed: {}", request.index(), request.sessionId(), e.toString());
            } finally {
                generatedNanos = clock.nanoTime();
                slots.release(); // before completing, so a request that follows this output finds the slot free
            }
            if (result == null) {
                emit(request, GenerationStatus.FAILED, null, 0, generatedNanos, future);
            } else {
                emit(request, GenerationStatus.GENERATED, result.payload(), result.steps(), generatedNanos, future);
            }
        });
    }

    @Override
    public void timeout(GenerationRequest request, ResultFuture<DecodedOutput> future) {
        emit(request, GenerationStatus.FAILED, null, 0, clock.nanoTime(), future);
    }

    private void emit(GenerationRequest request, GenerationStatus status, byte[] payload, int steps, long generatedNanos,
            ResultFuture<DecodedOutput> future) {
        long done = Math.max(generatedNanos, request.latentNanos());
        LatencyBreakdown instants = new LatencyBreakdown(request.ingestNanos(), request.ingestNanos(), request.latentNanos(), done,
                done);
        DecodedOutput output = status == GenerationStatus.GENERATED
                ? DecodedOutput.generated(request.sessionId(), request.index(), request.target(), kind, payload, steps, budgetNanos,
                        instants)
                : DecodedOutput.notGenerated(request.sessionId(), request.index(), request.target(), kind, status, budgetNanos,
                        instants);
        future.complete(List.of(output));
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (created != null) {
            for (OutputGenerator g : created) {
                if (g instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }

    /** A serialisable local monotonic clock, nanoseconds. */
    @FunctionalInterface
    public interface NanoClock extends java.io.Serializable {
        long nanoTime();

        /** {@link System#nanoTime()}. */
        static NanoClock system() {
            return System::nanoTime;
        }
    }
}
