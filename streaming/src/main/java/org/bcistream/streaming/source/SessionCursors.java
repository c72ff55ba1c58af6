package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;

/**
 * The sessions of a {@code sim:} or {@code file:} source opened as cursors, for code that plays them outside a
 * Flink job (e.g. publishing them to Kafka as an acquisition service would).
 *
 * @param cursors one per session, each at its first block
 * @param profile the device profile the sessions are acquired with
 * @param rateHz their nominal rate, hertz
 * @param spec the source's canonical text
 * @param totalSamples samples of all sessions, or 0 when unknown
 */
public record SessionCursors(List<SessionCursor<?>> cursors, DeviceProfile profile, double rateHz, String spec, long totalSamples) {

    /**
     * Opens every session of {@code text} ({@code sim:...} or {@code file:...}); a bare path is a {@code file:}.
     *
     * @throws IOException if the recording cannot be read
     * @throws IllegalArgumentException if the spec is not valid, naming what is wrong
     */
    public static SessionCursors open(String text, DeviceProfiles registry) throws IOException {
        if (text.startsWith("sim:") || text.equals("sim")) {
            SimulationSpec sim = SimulationSpec.parse(text);
            SimulatedSession.checkSpec(sim);
            DeviceProfile profile = registry.byId(sim.profileId());
            List<SessionCursor<?>> cursors = new ArrayList<>();
            for (int i = 1; i <= sim.sessions(); i++) {
                cursors.add(SimulatedSession.resume(SyntheticSessionSplit.fresh(i, sim)));
            }
            return new SessionCursors(List.copyOf(cursors), profile, SimulatedSession.rateOf(sim), sim.toString(), 0);
        }
        ReplayPlan plan = ReplayPlan.of(ReplaySpec.parse(text.startsWith("file:") ? text : "file:" + text), registry);
        List<SessionCursor<?>> cursors = new ArrayList<>();
        try {
            for (ReplaySplit split : plan.splits()) {
                cursors.add(ReplayedSession.resume(split));
            }
        } catch (IOException | RuntimeException e) {
            for (SessionCursor<?> c : cursors) {
                c.close();
            }
            throw e;
        }
        return new SessionCursors(List.copyOf(cursors), plan.profile(), plan.rateHz(), plan.spec().toString(), plan.totalSamples());
    }

    /** The pacing the spec asks for. */
    public static org.bcistream.streaming.config.Pacing pacingOf(String text) {
        if (text.startsWith("sim:") || text.equals("sim")) {
            return SimulationSpec.parse(text).pacing();
        }
        return ReplaySpec.parse(text.startsWith("file:") ? text : "file:" + text).pacing();
    }
}
