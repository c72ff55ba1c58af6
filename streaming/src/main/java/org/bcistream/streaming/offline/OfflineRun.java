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
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionCursors;

/**
 * The decoding pipeline run over whole sessions in a plain loop, without Flink: for training (collect the
 * feature frames), evaluation (collect trial latents) and tests. The same {@link SessionPipeline} as the job,
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
        SessionPipeline pipeline = new SessionPipeline(config, () -> 0L);
        Map<String, List<SessionOutput>> out = new TreeMap<>();
        try {
            for (SessionCursor<?> cursor : sessions.cursors()) {
                SessionPipelineState state = pipeline.newState();
                while (cursor.hasNext()) {
                    for (SessionEvent event : cursor.nextBlock(0L)) {
                        pipeline.process(event, state, o -> out.computeIfAbsent(o.sessionId(), s -> new ArrayList<>()).add(o));
                    }
                }
            }
        } finally {
            for (SessionCursor<?> cursor : sessions.cursors()) {
                cursor.close();
            }
        }
        return out;
    }

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
