package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bcistream profiles list|show <id>}: the device profiles the engine knows. */
@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        description = "List and show device profiles (EEG headsets, amplifiers, intracortical systems).",
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.ShowProfile.class})
final class ProfilesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String rates(DeviceProfile p) {
        return p.samplingRatesHz().stream().map(ProfilesCommand::number).collect(Collectors.joining("/"));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value instanceof Double d ? number(d) : value.toString();
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** {@code bcistream profiles list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every built-in device profile.")
    static final class ListProfiles implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print the profiles as a JSON array.")
        boolean asJson;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<DeviceProfile> all = DeviceProfiles.builtIn().all();
            if (asJson) {
                try {
                    out.println(json().writeValueAsString(all));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            String format = "%-28s %-36s %-13s %8s %14s %12s  %s%n";
            out.printf(Locale.ROOT, format, "ID", "DEVICE", "MODALITY", "CHANNELS", "RATE (Hz)", "uV/COUNT", "LSL TYPE / NAME");
            for (DeviceProfile p : all) {
                out.printf(Locale.ROOT, format, p.id(), p.name(), p.modality(),
                        p.neuralChannelIndices().length + "+" + p.auxChannelIndices().length, rates(p),
                        orDash(p.microvoltsPerCount()), p.lsl().type() + " / " + p.lsl().namePattern());
            }
            out.printf(Locale.ROOT, "%d profiles. Details: bcistream profiles show <id>%n", all.size());
        }
    }

    /** {@code bcistream profiles show <id>}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one device profile in full.")
    static final class ShowProfile implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<id>", description = "Profile id, e.g. openbci-cyton.")
        String id;

        @Option(names = "--json", description = "Print the profile as JSON (the profile file format).")
        boolean asJson;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DeviceProfile p = DeviceProfiles.builtIn().byId(id);
            if (asJson) {
                try {
                    out.println(json().writeValueAsString(p));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            String row = "%-22s %s%n";
            out.printf(Locale.ROOT, row, "id", p.id());
            out.printf(Locale.ROOT, row, "device", p.vendor() + " " + p.name());
            out.printf(Locale.ROOT, row, "modality", p.modality());
            out.printf(Locale.ROOT, row, "sampling rates (Hz)", rates(p) + " (default " + number(p.defaultRateHz()) + ")");
            out.printf(Locale.ROOT, row, "scale (uV/count)", orDash(p.microvoltsPerCount())
                    + (p.adcBits() == null ? "" : " (" + p.adcBits() + "-bit ADC)"));
            out.printf(Locale.ROOT, row, "reference", p.reference().kind() + (p.reference().detail().isEmpty() ? "" : ": " + p.reference().detail()));
            out.printf(Locale.ROOT, row, "transport", p.transports());
            out.printf(Locale.ROOT, row, "LSL", "type " + p.lsl().type() + ", name " + p.lsl().namePattern()
                    + (p.lsl().app().isEmpty() ? "" : " (" + p.lsl().app() + ")"));
            out.printf(Locale.ROOT, row, "device latency (ms)", orDash(p.latency().fixedDelayMs())
                    + (p.latency().notes().isEmpty() ? "" : "; " + p.latency().notes()));
            out.printf(Locale.ROOT, row, "mains notch (Hz)", p.mainsNotchHz() == null ? "none recommended" : number(p.mainsNotchHz()));
            out.printf(Locale.ROOT, row, "chunk (samples)", orDash(p.expectedChunkSamples()));
            out.printf(Locale.ROOT, row, "counter channel", orDash(p.counterChannel()));
            out.printf(Locale.ROOT, row, "BrainFlow board id", orDash(p.brainflowBoardId()));
            if (!p.unverified().isEmpty()) {
                out.printf(Locale.ROOT, row, "UNVERIFIED", String.join(", ", p.unverified()));
            }
            out.printf(Locale.ROOT, "channels (%d: %d neural, %d auxiliary)%n", p.channelCount(),
                    p.neuralChannelIndices().length, p.auxChannelIndices().length);
            List<ChannelSpec> channels = p.channels();
            for (int i = 0; i < channels.size(); i++) {
                ChannelSpec c = channels.get(i);
                out.printf(Locale.ROOT, "  %3d  %-12s %-8s %s%n", i, c.label(), c.type(), c.unit());
            }
            if (!p.sources().isEmpty()) {
                out.printf(Locale.ROOT, row, "sources", String.join("; ", p.sources()));
            }
        }
    }
}
