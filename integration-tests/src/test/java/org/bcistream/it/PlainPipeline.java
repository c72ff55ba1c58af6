package org.bcistream.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.pipeline.SessionPipelineState;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.streaming.sink.OutputJson;
import org.bcistream.streaming.source.SimulatedSession;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSplit;

/** The reference the Flink job is held to: the same sessions through {@link SessionPipeline} in a plain loop. */
final class PlainPipeline {
    private PlainPipeline() {}

    /** Every simulated event of a spec, session by session, in each session's order. */
    static List<SessionEvent> events(SimulationSpec spec) {
        List<SessionEvent> events = new ArrayList<>();
        for (int i = 1; i <= spec.sessions(); i++) {
            SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(i, spec));
            while (session.hasNext()) {
                events.addAll(session.nextBlock(0L));
            }
        }
        return events;
    }

    /** The JSON lines each session's events produce, by session id. */
    static Map<String, List<String>> outputs(List<SessionEvent> events, SessionPipelineConfig config) {
        SessionPipeline pipeline = new SessionPipeline(config);
        Map<String, SessionPipelineState> states = new TreeMap<>();
        Map<String, List<String>> lines = new TreeMap<>();
        for (SessionEvent event : events) {
            SessionPipelineState state = states.computeIfAbsent(event.sessionId(), s -> pipeline.newState());
            List<String> out = lines.computeIfAbsent(event.sessionId(), s -> new ArrayList<>());
            pipeline.process(event, state, o -> out.add(OutputJson.line(o)));
        }
        return lines;
    }

    /** The session id of an output JSON line ({@code "session":"..."}). */
    static String sessionOf(String line) {
        int start = line.indexOf("\"session\":\"") + 11;
        return line.substring(start, line.indexOf('"', start));
    }
}
