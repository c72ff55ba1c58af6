package org.bcistream.streaming.kafka;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.job.RunSummary;
import org.bcistream.streaming.kafka.RecordRejectedException.Kind;

/**
 * Decodes and checks the Kafka records of one session (keyed by the record key): undecodable bytes, unknown
 * schema versions, a channel count other than the profile's, NaN or infinite values, time stamps going back
 * (within a chunk or against the session's previous chunk), and records of sessions the job does not decode
 * or whose key does not name their session. A refused record never stops the job and is never lost: it goes
 * whole, with its reason and source offset, to the {@link #DEAD_LETTERS} side output, and is counted (Flink
 * metrics {@code deadLetters} and {@code deadLetters.<KIND>}, and the run summary's rejected count).
 *
 * <p>State per session: the time stamp of the last accepted sample, in Flink keyed state (checkpointed).
 */
public final class KafkaIngestFunction extends KeyedProcessFunction<String, KafkaInput, SessionEvent> {
    private static final long serialVersionUID = 1L;
    /** Refused records, for the dead-letter topic. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final int channelCount;
    private final TreeSet<String> sessions;
    private transient ValueState<Double> lastSampleTime;
    private transient Counter deadLetters;
    private transient Map<Kind, Counter> deadLettersByKind;
    private transient LongCounter rejected;

    /**
     * @param channelCount the channel count of the device profile every session is decoded with
     * @param sessions the sessions to decode, or empty for any session
     */
    public KafkaIngestFunction(int channelCount, Set<String> sessions) {
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count " + channelCount);
        }
        this.channelCount = channelCount;
        this.sessions = new TreeSet<>(sessions);
    }

    @Override
    public void open(OpenContext context) {
        lastSampleTime = getRuntimeContext().getState(new ValueStateDescriptor<>("last-sample-time", Types.DOUBLE));
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        deadLettersByKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            deadLettersByKind.put(kind, getRuntimeContext().getMetricGroup().counter("deadLetters." + kind));
        }
        rejected = getRuntimeContext().getLongCounter(RunSummary.REJECTED);
    }

    @Override
    public void processElement(KafkaInput input, Context ctx, Collector<SessionEvent> out) throws Exception {
        try {
            out.collect(check(input));
        } catch (RecordRejectedException e) {
            deadLetters.inc();
            deadLettersByKind.get(e.kind()).inc();
            rejected.add(1);
            ctx.output(DEAD_LETTERS, new DeadLetter(input, e.kind(), input.where() + ": " + e.getMessage()));
        }
    }

    private SessionEvent check(KafkaInput input) throws Exception {
        SessionInputCodec.Decoded decoded = SessionInputCodec.decode(input.value(), System.nanoTime());
        SessionEvent event = decoded.event();
        String key = input.keyText();
        if (!key.equals(event.sessionId())) {
            throw new RecordRejectedException(Kind.UNKNOWN_SESSION, String.format(Locale.ROOT,
                    "record key '%s' does not name the record's session '%s'", key, event.sessionId()));
        }
        if (!sessions.isEmpty() && !sessions.contains(key)) {
            throw new RecordRejectedException(Kind.UNKNOWN_SESSION, String.format(Locale.ROOT,
                    "session '%s' is not one this job decodes %s", key, sessions));
        }
        SignalChunk chunk = event.chunk();
        if (chunk != null) {
            if (chunk.channelCount() != channelCount) {
                throw new RecordRejectedException(Kind.WRONG_CHANNEL_COUNT, String.format(Locale.ROOT,
                        "chunk of session %s has %d channels; the session's device profile has %d", key, chunk.channelCount(),
                        channelCount));
            }
            Double last = lastSampleTime.value();
            if (last != null && chunk.firstTimestamp() < last) {
                throw new RecordRejectedException(Kind.TIME_BACKWARDS, String.format(Locale.ROOT,
                        "chunk of session %s starts at %.6f s, before the session's previous sample at %.6f s", key,
                        chunk.firstTimestamp(), last));
            }
            lastSampleTime.update(chunk.lastTimestamp());
        }
        return event;
    }
}
