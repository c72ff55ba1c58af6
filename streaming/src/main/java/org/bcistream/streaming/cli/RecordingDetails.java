package org.bcistream.streaming.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.xdf.XdfRecording;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails;

/** Format-specific facts a reader knows beyond the shared model: XDF clock segments and effective rates. */
final class RecordingDetails {
    private RecordingDetails() {}

    /** Per-stream XDF details (marker streams included), or empty for other formats. */
    static List<XdfStreamDetails> of(Recording recording) {
        return recording instanceof XdfRecording xdf ? xdf.details() : List.of();
    }

    /** The same as readable lines, one per stream. */
    static List<String> lines(Recording recording) {
        List<String> lines = new ArrayList<>();
        for (XdfStreamDetails d : of(recording)) {
            lines.add(String.format(Locale.ROOT, "stream %s (%s, %s): %d clock offsets, clock segments %s, dejitter segments %s%s",
                    d.id(), d.name(), d.format(), d.clockOffsetCount(), ranges(d.clockSegments()), ranges(d.segments()),
                    d.effectiveRateHz() > 0 ? String.format(Locale.ROOT, ", effective rate %.6f Hz", d.effectiveRateHz()) : ""));
        }
        return lines;
    }

    private static String ranges(List<XdfStreamDetails.Segment> segments) {
        return segments.isEmpty() ? "none" : segments.stream().map(Object::toString).collect(Collectors.joining(" "));
    }
}
