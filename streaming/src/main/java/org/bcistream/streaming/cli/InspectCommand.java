package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.Recordings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bcistream inspect <file>}: what a recording holds, read from its headers and index. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show a recording's streams, channels, rates, durations, markers and reader warnings.")
final class InspectCommand implements Callable<Integer> {
    private static final int MAX_LABELS = 16;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "XDF, EDF/EDF+, BDF/BDF+, muse-lsl CSV or OpenBCI GUI text.")
    Path file;

    @Option(names = "--json", description = "Print the description as JSON.")
    boolean asJson;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Recording recording = Recordings.open(file)) {
            if (asJson) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(describe(recording)));
            } else {
                print(recording, out);
            }
        }
        return 0;
    }

    private Map<String, Object> describe(Recording recording) throws java.io.IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", file.toString());
        d.put("format", recording.format());
        d.put("bytes", Files.size(file));
        d.put("streams", recording.streams());
        d.put("markerCounts", markerCounts(recording.markers()));
        d.put("markers", recording.markers());
        d.put("details", RecordingDetails.of(recording));
        d.put("warnings", recording.warnings());
        return d;
    }

    private void print(Recording recording, PrintWriter out) throws java.io.IOException {
        out.printf(Locale.ROOT, "%s: %s, %,d bytes%n", file, recording.format(), Files.size(file));
        List<RecordedStream> streams = recording.streams();
        out.printf(Locale.ROOT, "%nstreams (%d)%n", streams.size());
        String row = "  %-16s %-22s %-8s %8s %10s %10s %12s %14s %14s%n";
        out.printf(Locale.ROOT, row, "ID", "NAME", "TYPE", "CHANNELS", "RATE (Hz)", "SAMPLES", "DURATION (s)", "FIRST (s)", "LAST (s)");
        for (RecordedStream s : streams) {
            out.printf(Locale.ROOT, row, fit(s.id(), 16), fit(s.name(), 22), fit(s.type(), 8), s.channelCount(), number(s.nominalRateHz()), s.sampleCount(),
                    String.format(Locale.ROOT, "%.3f", s.durationSeconds()),
                    s.sampleCount() > 0 ? String.format(Locale.ROOT, "%.6f", s.firstTime()) : "-",
                    s.sampleCount() > 0 ? String.format(Locale.ROOT, "%.6f", s.lastTime()) : "-");
        }
        for (RecordedStream s : streams) {
            if (!s.channelLabels().isEmpty()) {
                List<String> shown = s.channelLabels().subList(0, Math.min(MAX_LABELS, s.channelLabels().size()));
                out.printf(Locale.ROOT, "  channels of %s: %s%s%s%n", s.id(), String.join(", ", shown),
                        s.channelLabels().size() > MAX_LABELS ? ", ... (" + s.channelLabels().size() + ")" : "",
                        s.channelUnits().isEmpty() ? "" : " [" + String.join(", ", new java.util.TreeSet<>(s.channelUnits())) + "]");
            }
        }
        for (String line : RecordingDetails.lines(recording)) {
            out.println("  " + line);
        }
        List<RecordedMarker> markers = recording.markers();
        out.printf(Locale.ROOT, "%nmarkers (%d)%n", markers.size());
        markerCounts(markers).forEach((label, count) -> out.printf(Locale.ROOT, "  %-40s %6d%n", fit(label, 40), count));
        if (!recording.warnings().isEmpty()) {
            out.printf(Locale.ROOT, "%nwarnings (%d)%n", recording.warnings().size());
            recording.warnings().forEach(w -> out.println("  " + w));
        }
    }

    private static Map<String, Integer> markerCounts(List<RecordedMarker> markers) {
        Map<String, Integer> counts = new TreeMap<>();
        markers.forEach(m -> counts.merge((m.kind() == RecordedMarker.Kind.TRIGGER ? "trigger " : "") + m.label(), 1, Integer::sum));
        return counts;
    }

    /** {@code text} cut to {@code width} characters, ending in "..." when cut, so table columns stay aligned. */
    private static String fit(String text, int width) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 3) + "...";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
    }
}
