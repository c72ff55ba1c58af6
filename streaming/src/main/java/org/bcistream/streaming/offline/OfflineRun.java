package org.bcistream.streaming.offline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.pipeline.SessionPipelineState;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionCursors;

/**
 * The decoding pipeline run over whole sessions in a plain loop, without Flink: for training (collect the
 * feature frames, or the trigger's requests as generator conditions), evaluation (collect trial latents) and
 * tests. The same {@link SessionPipeline} as the job,
 * so the outputs are the job's outputs; deterministic.
 */
public final class OfflineRun {
    private OfflineRun() {}

    /**
     * Every output of every session, by session id, in each session's order. Closes the cursors.
     *
     * @throws IllegalArgumentException if an event does not fit the configuration (it names the session and numbers)
     */
    public static Map<String, List<SessionOutput>> outputs(SessionCursors sessions, SessionPipelineConfig config) throws IOException {
        return run(sessions, config).outputs();
    }

    /**
     * Every output and every generation request of every session, by session id, in each session's order.
     * Closes the cursors.
     *
     * @throws IllegalArgumentException if an event does not fit the configuration (it names the session and numbers)
     */
    public static Result run(SessionCursors sessions, SessionPipelineConfig config) throws IOException {
        SessionPipeline pipeline = new SessionPipeline(config, () -> 0L);
        Map<String, List<SessionOutput>> out = new TreeMap<>();
        Map<String, List<GenerationRequest>> requests = new TreeMap<>();
        try {
            for (SessionCursor<?> cursor : sessions.cursors()) {
                SessionPipelineState state = pipeline.newState();
                while (cursor.hasNext()) {
                    for (SessionEvent event : cursor.nextBlock(0L)) {
                        pipeline.process(event, state, o -> out.computeIfAbsent(o.sessionId(), s -> new ArrayList<>()).add(o),
                                r -> requests.computeIfAbsent(r.sessionId(), s -> new ArrayList<>()).add(r));
                    }
                }
            }
        } finally {
            for (SessionCursor<?> cursor : sessions.cursors()) {
                cursor.close();
            }
        }
        return new Result(out, requests);
    }

    /**
     * What an offline run produced.
     *
     * @param outputs every output by session id, in order
     * @param requests the trigger's generation requests by session id, in order (empty without a trigger)
     */
    public record Result(Map<String, List<SessionOutput>> outputs, Map<String, List<GenerationRequest>> requests) {}

    /** The feature frames of every session, each flattened to {@code rows x cols} doubles, sessions in id order. */
    public static double[][] featureMatrix(Map<String, List<SessionOutput>> outputs) {
        List<double[]> rows = new ArrayList<>();
        for (List<SessionOutput> session : outputs.values()) {
            for (SessionOutput o : session) {
                if (o.frame() != null) {
                    float[] v = o.frame().values();
                    double[] row = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        row[i] = v[i];
                    }
                    rows.add(row);
                }
            }
        }
        return rows.toArray(new double[0][]);
    }
}
