package org.bcistream.streaming.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.streaming.config.Pacing;
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionPlayer;

/**
 * Plays sessions into a Kafka topic as an acquisition service would: blocks of all sessions interleaved in source
 * time, each event one record keyed by its session ({@link SessionInputCodec}), paced against a clock (or as fast
 * as the broker takes them). A session's records keep their order (same key, same partition).
 */
public final class SessionPublisher {
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final DeviceProfile profile;
    private final double rateHz;
    private final Pacing pacing;
    private final LongSupplier nanoClock;
    private final Map<String, StreamMetadata> streams = new HashMap<>();

    /** Counts of what was published. */
    public record Published(long chunks, long samples, long markers) {}

    /**
     * @param profile the sessions' device profile (their stream metadata)
     * @param rateHz the sessions' nominal rate, hertz
     * @param nanoClock monotonic nanoseconds, for pacing
     */
    public SessionPublisher(Producer<byte[], byte[]> producer, String topic, DeviceProfile profile, double rateHz, Pacing pacing,
            LongSupplier nanoClock) {
        this.producer = producer;
        this.topic = topic;
        this.profile = profile;
        this.rateHz = rateHz;
        this.pacing = pacing;
        this.nanoClock = nanoClock;
    }

    /**
     * Publishes every block of every cursor and waits until the broker acknowledged all of them.
     *
     * @param progress called after each block with the samples published so far
     * @throws IOException if a session cannot be read or the broker refuses a record
     */
    public Published publish(List<? extends SessionCursor<?>> cursors, java.util.function.LongConsumer progress)
            throws IOException, InterruptedException {
        long[] counts = new long[3];
        AtomicReference<Future<RecordMetadata>> last = new AtomicReference<>();
        new SessionPlayer(pacing, nanoClock).play(cursors, block -> {
            for (SessionEvent event : block) {
                byte[] value;
                if (event.chunk() != null) {
                    value = SessionInputCodec.encode(event.chunk(), streams.computeIfAbsent(event.sessionId(),
                            s -> StreamMetadata.of(profile, s, rateHz)));
                    counts[0]++;
                    counts[1] += event.chunk().sampleCount();
                } else if (event.marker() != null) {
                    value = SessionInputCodec.encode(event.marker());
                    counts[2]++;
                } else {
                    continue;
                }
                last.set(producer.send(new ProducerRecord<>(topic, event.sessionId().getBytes(StandardCharsets.UTF_8), value)));
            }
            progress.accept(counts[1]);
        });
        producer.flush();
        if (last.get() != null) {
            try {
                last.get().get();
            } catch (ExecutionException e) {
                throw new IOException("the broker refused records of topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        return new Published(counts[0], counts[1], counts[2]);
    }
}
