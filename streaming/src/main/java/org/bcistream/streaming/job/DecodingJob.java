package org.bcistream.streaming.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;

/**
 * Builds the decoding job: source -> keyBy(session) -> {@link SessionPipelineFunction} -> sinks. Sources and
 * sinks are parameters, so the command line, the integration tests and a cluster deployment build the same
 * graph around different ends.
 */
public final class DecodingJob {
    private DecodingJob() {}

    /**
     * Adds the pipeline to {@code env}.
     *
     * @param env the environment to build in
     * @param source where session events come from (event time = the events' source time stamps)
     * @param config the profile and stage settings every session is decoded with
     * @param outputs sinks for feature frames and markers, in the pipeline's parallelism
     * @param rejected sinks for refused input events
     * @return the pipeline's output stream, for callers that attach more
     */
    public static SingleOutputStreamOperator<SessionOutput> build(
            StreamExecutionEnvironment env,
            Source<SessionEvent, ?, ?> source,
            SessionPipelineConfig config,
            List<Sink<SessionOutput>> outputs,
            List<Sink<RejectedEvent>> rejected) {
        return build(events(env, source), config, outputs, rejected, List.of());
    }

    /** The events of a source, with their source time stamps as they are (no watermarks). */
    public static DataStream<SessionEvent> events(StreamExecutionEnvironment env, Source<SessionEvent, ?, ?> source) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "sessions").uid("sessions-source");
    }

    /**
     * Adds the pipeline and its sinks after {@code events}.
     *
     * @param events session events of any number of sessions
     * @param config the profile and stage settings every session is decoded with
     * @param outputs sinks for feature frames and markers, in the pipeline's parallelism
     * @param rejected sinks for refused input events
     * @param recorders sinks of the events as they enter the pipeline (e.g. an XDF recording), each with
     *     parallelism 1
     * @return the pipeline's output stream, for callers that attach more
     */
    public static SingleOutputStreamOperator<SessionOutput> build(
            DataStream<SessionEvent> events,
            SessionPipelineConfig config,
            List<Sink<SessionOutput>> outputs,
            List<Sink<RejectedEvent>> rejected,
            List<Sink<SessionEvent>> recorders) {
        return build(events, config, outputs, rejected, recorders, null);
    }

    /**
     * As {@link #build(DataStream, SessionPipelineConfig, List, List, List)}, and with {@code generation} (when
     * not null) the trigger's requests go to the generation operator, whose decoded outputs join the outputs
     * before the sinks.
     *
     * @param generation the generator and its operator's shape, or null for none (then the config has no trigger)
     */
    public static SingleOutputStreamOperator<SessionOutput> build(
            DataStream<SessionEvent> events,
            SessionPipelineConfig config,
            List<Sink<SessionOutput>> outputs,
            List<Sink<RejectedEvent>> rejected,
            List<Sink<SessionEvent>> recorders,
            GenerationSettings generation) {
        if ((generation == null) != (config.trigger() == null)) {
            throw new IllegalArgumentException(generation == null
                    ? "the pipeline has a generation trigger but no generator" : "a generator needs a generation trigger");
        }
        for (Sink<SessionEvent> recorder : recorders) {
            events.sinkTo(recorder).name("record-" + recorder.getClass().getSimpleName()).setParallelism(1);
        }
        SingleOutputStreamOperator<SessionOutput> decoded = decode(events, config);
        DataStream<SessionOutput> all = decoded;
        if (generation != null) {
            GenerationFunction function = generation.function();
            DataStream<SessionOutput> generated = AsyncDataStream.unorderedWait(
                            decoded.getSideOutput(SessionPipelineFunction.REQUESTS), function, GENERATION_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS, function.operatorCapacity())
                    .name("generate").uid("generate").setParallelism(generation.parallelism())
                    .map(new EmitDecoded(generation.clock())).name("emit-decoded").uid("emit-decoded")
                    .setParallelism(generation.parallelism());
            all = decoded.union(generated).keyBy(new OutputsBySession()); // each session's outputs to one sink writer
        }
        for (Sink<SessionOutput> sink : outputs) {
            all.sinkTo(sink).name(sink.getClass().getSimpleName());
        }
        DataStream<RejectedEvent> refused = decoded.getSideOutput(SessionPipelineFunction.REJECTED);
        for (Sink<RejectedEvent> sink : rejected) {
            refused.sinkTo(sink).name("rejected-" + sink.getClass().getSimpleName());
        }
        return decoded;
    }

    /** A safety net behind the generator's own budget: a generation still running after this is reported failed. */
    static final Duration GENERATION_TIMEOUT = Duration.ofSeconds(60);

    /** The keyed part alone: events of any number of sessions in, their outputs out. */
    public static SingleOutputStreamOperator<SessionOutput> decode(DataStream<SessionEvent> events, SessionPipelineConfig config) {
        return events.keyBy(new BySession())
                .process(new SessionPipelineFunction(config))
                .name("preprocess-features")
                .uid("session-pipeline");
    }

    /** Keys events by session id. */
    static final class BySession implements KeySelector<SessionEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SessionEvent event) {
            return event.sessionId();
        }
    }

    /** Keys outputs by session id. */
    static final class OutputsBySession implements KeySelector<SessionOutput, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SessionOutput output) {
            return output.sessionId();
        }
    }
}
