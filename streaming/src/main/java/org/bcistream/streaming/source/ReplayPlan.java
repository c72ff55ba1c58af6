package org.bcistream.streaming.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.ChannelType;
import org.bcistream.hardware.DeviceLatency;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.LslConvention;
import org.bcistream.hardware.LslStreamDescription;
import org.bcistream.hardware.Modality;
import org.bcistream.hardware.ProfileMatchException;
import org.bcistream.hardware.ReferenceScheme;
import org.bcistream.hardware.Transport;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.Recordings;

/**
 * What a replay of a recording will do, worked out once when the job is built: which streams become which
 * sessions, the device profile they are decoded with (given, matched from the stream metadata, or derived
 * from it), and the source's splits.
 *
 * @param spec the replay as given
 * @param profile the device profile every replayed stream fits
 * @param profileOrigin {@code given}, {@code recorded} (the file names a known profile), {@code matched} (from
 *     the stream's LSL name and type) or {@code derived} (from its channels)
 * @param rateHz the replayed streams' nominal rate, hertz
 * @param splits one per replayed stream
 * @param totalSamples samples of all replayed streams, for progress
 * @param warnings what the reader noticed in the file
 */
public record ReplayPlan(
        ReplaySpec spec, DeviceProfile profile, String profileOrigin, double rateHz, List<ReplaySplit> splits, long totalSamples,
        List<String> warnings) {

    /**
     * Opens the recording, picks its streams and resolves the profile.
     *
     * @throws IOException if the file cannot be read or breaks its format
     * @throws IllegalArgumentException if the selection or the profile does not fit the file, naming both
     */
    public static ReplayPlan of(ReplaySpec spec, DeviceProfiles registry) throws IOException {
        try (Recording recording = Recordings.open(spec.file())) {
            List<RecordedStream> streams = selectStreams(recording, spec);
            RecordedStream first = streams.get(0);
            for (RecordedStream s : streams) {
                if (s.channelCount() != first.channelCount() || s.nominalRateHz() != first.nominalRateHz()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s: streams %s (%d ch, %s Hz) and %s (%d ch, %s Hz) cannot share one device profile; pick one with stream=",
                            spec.path(), first.id(), first.channelCount(), first.nominalRateHz(), s.id(), s.channelCount(), s.nominalRateHz()));
                }
            }
            if (first.nominalRateHz() <= 0) {
                throw new IllegalArgumentException(spec.path() + ": stream " + first.id() + " has an irregular rate; only regular streams are replayed");
            }
            String origin;
            DeviceProfile profile;
            Optional<DeviceProfile> recorded = registry.find(recording.deviceModelOf(first.id()));
            if (spec.profileId() != null) {
                profile = registry.byId(spec.profileId());
                origin = "given";
            } else if (recorded.isPresent() && recorded.get().channelCount() == first.channelCount()) {
                profile = recorded.get();
                origin = "recorded";
            } else {
                LslStreamDescription description =
                        new LslStreamDescription(first.name(), first.type(), first.channelCount(), first.nominalRateHz());
                DeviceProfile matched;
                try {
                    matched = registry.lslMatcher().bestMatch(description);
                } catch (ProfileMatchException noMatch) {
                    matched = null;
                }
                profile = matched != null ? matched : derive(spec.file(), first);
                origin = matched != null ? "matched" : "derived";
            }
            if (profile.channelCount() != first.channelCount()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: stream %s has %d channels, profile %s expects %d", spec.path(), first.id(), first.channelCount(),
                        profile.id(), profile.channelCount()));
            }
            int chunk = profile.expectedChunkSamples() != null ? profile.expectedChunkSamples()
                    : (int) Math.max(1, Math.round(first.nominalRateHz() / 25.0));
            List<ReplaySplit> splits = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < streams.size(); i++) {
                RecordedStream s = streams.get(i);
                splits.add(new ReplaySplit(i + 1, spec.toString(), s.id(), sessionId(spec, streams, s), chunk, 0, 0));
                total += s.sampleCount();
            }
            return new ReplayPlan(spec, profile, origin, first.nominalRateHz(), List.copyOf(splits), total,
                    List.copyOf(recording.warnings()));
        }
    }

    /** The numeric streams a spec picks, in file order. */
    static List<RecordedStream> selectStreams(Recording recording, ReplaySpec spec) {
        List<RecordedStream> all = recording.streams();
        if (all.isEmpty()) {
            throw new IllegalArgumentException(spec.path() + " holds no numeric stream to replay");
        }
        if (spec.stream() == null) {
            return all;
        }
        List<RecordedStream> picked = all.stream()
                .filter(s -> s.id().equals(spec.stream()) || s.name().equalsIgnoreCase(spec.stream()) || s.type().equalsIgnoreCase(spec.stream()))
                .toList();
        if (picked.isEmpty()) {
            List<String> known = all.stream().map(s -> s.id() + " (" + s.name() + ", " + s.type() + ")").toList();
            throw new IllegalArgumentException(spec.path() + ": no stream has id, name or type '" + spec.stream() + "'; streams: " + known);
        }
        return picked;
    }

    /**
     * The markers a replayed stream's session receives: all of them when one stream is replayed; otherwise
     * the markers of that stream, of marker streams sharing its non-empty source id, and of streams tied to
     * no replayed stream (shared marker streams, annotations).
     */
    static List<RecordedMarker> markersOf(Recording recording, RecordedStream stream, List<RecordedStream> replayed) {
        if (replayed.size() == 1) {
            return recording.markers();
        }
        Set<String> replayedIds = new HashSet<>();
        Set<String> replayedSources = new HashSet<>();
        replayed.forEach(s -> {
            replayedIds.add(s.id());
            if (!s.sourceId().isEmpty()) {
                replayedSources.add(s.sourceId());
            }
        });
        return recording.markers().stream().filter(m -> {
            if (m.streamId().equals(stream.id())) {
                return true;
            }
            String source = recording.sourceIdOf(m.streamId());
            if (!source.isEmpty() && replayedSources.contains(source)) {
                return source.equals(stream.sourceId());
            }
            return !replayedIds.contains(m.streamId());
        }).toList();
    }

    private static String sessionId(ReplaySpec spec, List<RecordedStream> streams, RecordedStream stream) {
        if (streams.size() == 1) {
            if (spec.session() != null) {
                return spec.session();
            }
            String file = spec.file().getFileName().toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }
        if (spec.session() != null) {
            throw new IllegalArgumentException(spec.path() + ": session= names one session but " + streams.size()
                    + " streams are replayed; pick one with stream=");
        }
        boolean uniqueName = !stream.name().isEmpty() && streams.stream().filter(s -> s.name().equals(stream.name())).count() == 1;
        return uniqueName ? stream.name() : stream.id();
    }

    /** A profile made from what the recording says: its labels, its rate, EEG unless a label says otherwise. */
    static DeviceProfile derive(Path file, RecordedStream stream) {
        List<ChannelSpec> channels = new ArrayList<>();
        for (int c = 0; c < stream.channelCount(); c++) {
            String given = stream.channelLabels().isEmpty() ? "ch" + (c + 1) : stream.channelLabels().get(c).trim();
            boolean taken = channels.stream().anyMatch(known -> known.label().equalsIgnoreCase(given));
            String label = given.isEmpty() || taken ? given + "#" + (c + 1) : given;
            String unit = stream.channelUnits().isEmpty() ? "microvolts" : stream.channelUnits().get(c);
            channels.add(new ChannelSpec(label, typeOf(label), unit.isBlank() ? "microvolts" : unit));
        }
        if (channels.stream().noneMatch(ch -> ch.type().isNeural())) {
            throw new IllegalArgumentException(file + ": stream " + stream.id() + " has no channel that looks like a signal channel; give profile=");
        }
        String stem = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new DeviceProfile(
                "recording-" + (stem.isEmpty() ? "file" : stem),
                stream.name().isEmpty() ? file.getFileName().toString() : stream.name(),
                "recording",
                Modality.EEG,
                channels,
                List.of(stream.nominalRateHz()),
                stream.nominalRateHz(),
                null,
                null,
                new ReferenceScheme(ReferenceScheme.Kind.UNKNOWN, "as recorded"),
                List.of(Transport.IN_PROCESS),
                new LslConvention(stream.type().isEmpty() ? "EEG" : stream.type(), Pattern.quote(stream.name()), "recording"),
                new DeviceLatency(null, "replayed from " + file.getFileName()),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(file.toString()));
    }

    private static ChannelType typeOf(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("acc")) {
            return ChannelType.ACC;
        }
        if (l.startsWith("gyr")) {
            return ChannelType.GYRO;
        }
        if (l.startsWith("trig") || l.equals("status")) {
            return ChannelType.TRIGGER;
        }
        if (l.contains("counter") || l.equals("package")) {
            return ChannelType.COUNTER;
        }
        if (l.contains("aux") || l.equals("timestamp") || l.equals("marker") || l.startsWith("battery")) {
            return ChannelType.AUX;
        }
        return ChannelType.EEG;
    }
}
