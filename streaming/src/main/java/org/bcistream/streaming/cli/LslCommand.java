package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.config.Pacing;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.ChannelInfo;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionCursors;
import org.bcistream.streaming.source.SessionPlayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bcistream lsl}: Lab Streaming Layer tools. */
@Command(name = "lsl", mixinStandardHelpOptions = true, description = "Lab Streaming Layer tools.",
        subcommands = {LslCommand.ListStreams.class, LslCommand.Play.class})
final class LslCommand {

    /** {@code bcistream lsl list}: the streams visible on the network. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the LSL streams visible on the network.")
    static final class ListStreams implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--wait", paramLabel = "<seconds>", defaultValue = "2", description = "How long to listen. Default: ${DEFAULT-VALUE} s")
        double wait;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LslRuntime lsl = Lsl.open()) {
                List<StreamInfo> streams = lsl.resolveAll(wait);
                String row = "%-24s %-10s %8s %10s %-9s %-32s %-20s%n";
                out.printf(Locale.ROOT, row, "NAME", "TYPE", "CHANNELS", "RATE (Hz)", "FORMAT", "SOURCE ID", "HOST");
                for (StreamInfo s : streams) {
                    out.printf(Locale.ROOT, row, s.name(), s.type(), s.channelCount(), s.nominalSrate(), s.channelFormat(), s.sourceId(),
                            s.hostname());
                }
                out.printf(Locale.ROOT, "%d stream(s) after %.1f s (%s)%n", streams.size(), wait, lsl.libraryInfo());
            }
            return 0;
        }
    }

    /** {@code bcistream lsl play}: a recording or the synthetic subject as live LSL outlets, like a headset. */
    @Command(name = "play", mixinStandardHelpOptions = true,
            description = "Publish a recording or simulated sessions as LSL outlets in real time, like a headset would: per "
                    + "session a signal stream (the device profile's labels and units) and a <name>-markers string stream.")
    static final class Play implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<source>", description = "sim:... or file:<path>,... (or a bare recording path).")
        String source;

        @Option(names = "--name", paramLabel = "<name>",
                description = "Stream name (one session) or name prefix (<name>-<session>). Default: the session id.")
        String name;

        private int sessionCount;

        @Option(names = "--max-speed", description = "Push as fast as possible instead of at the source's pace.")
        boolean maxSpeed;

        @Option(names = "--wait-for-consumers", paramLabel = "<seconds>", defaultValue = "0",
                description = "Wait this long for an inlet on a session's signal stream before sending it. Default: ${DEFAULT-VALUE}")
        double waitForConsumers;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            SessionCursors sessions = SessionCursors.open(source, DeviceProfiles.builtIn());
            sessionCount = sessions.cursors().size();
            Pacing pacing = maxSpeed ? Pacing.MAX : SessionCursors.pacingOf(source).isMax() ? Pacing.REALTIME : SessionCursors.pacingOf(source);
            Map<String, StreamOutlet> signals = new HashMap<>();
            Map<String, StreamOutlet> markers = new HashMap<>();
            try (LslRuntime lsl = Lsl.open()) {
                err.printf(Locale.ROOT, "bcistream lsl play: %s (%d session(s), profile %s) at %s over %s%n", sessions.spec(),
                        sessions.cursors().size(), sessions.profile().id(), pacing, lsl.libraryInfo());
                long start = System.nanoTime();
                long[] played = {0};
                new SessionPlayer(pacing, System::nanoTime).play(sessions.cursors(), block -> {
                    double now = lsl.localClock();
                    for (SessionEvent e : block) {
                        String session = e.sessionId();
                        if (e.chunk() != null) {
                            StreamOutlet out = signals.computeIfAbsent(session, s -> open(lsl, signalInfo(s, sessions.profile(), sessions.rateHz())));
                            // the last sample is stamped now; the others are deduced from the nominal rate
                            out.pushChunk(e.chunk().samples(), e.chunk().sampleCount(), now, true);
                            played[0] += e.chunk().sampleCount();
                        } else if (e.marker() != null) {
                            StreamOutlet out = markers.computeIfAbsent(session, s -> lsl.createOutlet(new StreamInfo(streamName(s)
                                    + "-markers", "Markers", 1, Lsl.IRREGULAR_RATE, ChannelFormat.STRING, "bcistream-play:" + s + ":markers")));
                            out.pushSample(new String[] {e.marker().kind() + ":" + e.marker().label()}, now, true);
                        }
                    }
                });
                signals.values().forEach(StreamOutlet::close);
                markers.values().forEach(StreamOutlet::close);
                spec.commandLine().getOut().printf(Locale.ROOT, "played %d samples of %d session(s) in %.2f s%n", played[0],
                        sessions.cursors().size(), (System.nanoTime() - start) / 1e9);
            } finally {
                for (SessionCursor<?> c : sessions.cursors()) {
                    c.close();
                }
            }
            return 0;
        }

        private StreamOutlet open(LslRuntime lsl, StreamInfo info) {
            StreamOutlet outlet = lsl.createOutlet(info);
            if (waitForConsumers > 0) {
                outlet.waitForConsumers(waitForConsumers);
            }
            return outlet;
        }

        /** The session id, or {@code --name} for a single session, or {@code <name>-<session>} for several. */
        private String streamName(String session) {
            return name == null ? session : sessionCount == 1 ? name : name + "-" + session;
        }

        private StreamInfo signalInfo(String session, DeviceProfile profile, double rate) {
            StreamInfo info = new StreamInfo(streamName(session), profile.lsl().type(), profile.channelCount(), rate, ChannelFormat.FLOAT32,
                    "bcistream-play:" + session);
            List<ChannelInfo> channels = new ArrayList<>();
            for (ChannelSpec c : profile.channels()) {
                channels.add(new ChannelInfo(c.label(), c.type().isNeural() ? "microvolts" : c.unit(), c.type().name()));
            }
            info.setChannels(channels);
            // names the device profile, so the engine's LSL source decodes the stream with it
            info.desc().appendChild("acquisition").appendChildValue("manufacturer", "bcistream").appendChildValue("model", profile.id());
            return info;
        }
    }
}
