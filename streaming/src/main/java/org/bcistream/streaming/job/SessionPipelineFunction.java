package org.bcistream.streaming.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.pipeline.SessionPipelineState;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed operator around {@link SessionPipeline}: one {@link SessionPipelineState} per session in Flink
 * keyed state, so a restore from a checkpoint continues every session with the same filter memory, window
 * and normaliser statistics.
 *
 * <p>An event the pipeline refuses (wrong channel count or rate for the profile, spikes from an EEG device)
 * does not fail the job: it goes to the {@link #REJECTED} side output with the reason, is counted, and the
 * session's state stays as it was.
 */
public final class SessionPipelineFunction extends KeyedProcessFunction<String, SessionEvent, SessionOutput> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionPipelineFunction.class);

    /** Events the pipeline refused, as {@link RejectedEvent}s. */
    public static final OutputTag<RejectedEvent> REJECTED = new OutputTag<>("rejected", TypeInformation.of(RejectedEvent.class));

    /** The trigger's generation requests. */
    public static final OutputTag<GenerationRequest> REQUESTS =
            new OutputTag<>("generation-requests", TypeInformation.of(GenerationRequest.class));

    private final SessionPipelineConfig config;
    private transient SessionPipeline pipeline;
    private transient ValueState<SessionPipelineState> state;
    private transient LongCounter sessions;
    private transient LongCounter chunks;
    private transient LongCounter samples;
    private transient LongCounter spikeEvents;
    private transient LongCounter markers;
    private transient LongCounter frames;
    private transient LongCounter rejected;
    private transient LatentSummary latents;

    public SessionPipelineFunction(SessionPipelineConfig config) {
        this.config = config;
        new SessionPipeline(config); // fails at job-build time, not on the cluster, if the settings do not fit
    }

    @Override
    public void open(OpenContext openContext) {
        pipeline = new SessionPipeline(config);
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("session-pipeline", TypeInformation.of(SessionPipelineState.class)));
        sessions = getRuntimeContext().getLongCounter(RunSummary.SESSIONS);
        chunks = getRuntimeContext().getLongCounter(RunSummary.CHUNKS);
        samples = getRuntimeContext().getLongCounter(RunSummary.SAMPLES);
        spikeEvents = getRuntimeContext().getLongCounter(RunSummary.SPIKE_EVENTS);
        markers = getRuntimeContext().getLongCounter(RunSummary.MARKERS);
        frames = getRuntimeContext().getLongCounter(RunSummary.FRAMES);
        rejected = getRuntimeContext().getLongCounter(RunSummary.REJECTED);
        latents = new LatentSummary();
        getRuntimeContext().addAccumulator(LatentSummary.NAME, latents);
    }

    @Override
    public void processElement(SessionEvent event, Context ctx, Collector<SessionOutput> out) throws Exception {
        SessionPipelineState current = state.value();
        boolean fresh = current == null;
        if (fresh) {
            current = pipeline.newState();
        }
        try {
            pipeline.process(event, current, output -> {
                if (output.frame() != null) {
                    frames.add(1L);
                } else if (output.latent() != null) {
                    latents.add(output.latent());
                }
                out.collect(output);
            }, request -> ctx.output(REQUESTS, request));
        } catch (IllegalArgumentException e) {
            rejected.add(1L);
            LOG.warn("rejected an event of session {} at {} s: {}", event.sessionId(), event.time(), e.getMessage());
            ctx.output(REJECTED, new RejectedEvent(event.sessionId(), event.time(), e.getMessage()));
            return;
        }
        count(event);
        if (fresh) {
            sessions.add(1L);
        }
        state.update(current);
    }

    private void count(SessionEvent event) {
        if (event.chunk() != null) {
            chunks.add(1L);
            samples.add((long) event.chunk().sampleCount());
        } else if (event.spikes() != null) {
            spikeEvents.add(1L);
        } else {
            markers.add(1L);
        }
    }
}
