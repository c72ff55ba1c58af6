package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPlanTest {
    private static final DeviceProfiles PROFILES = DeviceProfiles.builtIn();

    @TempDir
    Path dir;

    private ReplayPlan plan(String options) throws IOException {
        return ReplayPlan.of(ReplaySpec.parse("file:" + ReplayFiles.write(dir, "") + options), PROFILES);
    }

    @Test
    void everyNumericStreamIsOneSessionNamedByItsStream() throws IOException {
        ReplayPlan plan = plan("");
        assertEquals(List.of("EEG-A", "EEG-B"), plan.splits().stream().map(ReplaySplit::sessionId).toList());
        assertEquals(List.of("1:EEG-A", "2:EEG-B"), plan.splits().stream().map(ReplaySplit::splitId).toList());
        assertEquals(2L * ReplayFiles.SAMPLES, plan.totalSamples());
        assertEquals(ReplayFiles.RATE, plan.rateHz());
        assertTrue(plan.splits().stream().allMatch(s -> s.samplesDone() == 0 && s.markersDone() == 0));
    }

    @Test
    void streamsArePickedByIdNameOrType() throws IOException {
        assertEquals(List.of("two-sessions"), plan(",stream=EEG-B").splits().stream().map(ReplaySplit::sessionId).toList());
        assertEquals("3", plan(",stream=eeg-b").splits().get(0).streamId());
        assertEquals("1", plan(",stream=1").splits().get(0).streamId());
        assertEquals(2, plan(",stream=eeg").splits().size());
        assertEquals(List.of("s7"), plan(",stream=EEG-A,session=s7").splits().stream().map(ReplaySplit::sessionId).toList());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> plan(",stream=Ganglion"));
        assertTrue(unknown.getMessage().contains("no stream has id, name or type 'Ganglion'")
                && unknown.getMessage().contains("1 (EEG-A, EEG)"), unknown.getMessage());
        IllegalArgumentException oneName = assertThrows(IllegalArgumentException.class, () -> plan(",session=s7"));
        assertTrue(oneName.getMessage().contains("2 streams are replayed"), oneName.getMessage());
    }

    @Test
    void profileIsGivenRecordedMatchedOrDerived() throws IOException {
        ReplayPlan derived = plan("");
        assertEquals("derived", derived.profileOrigin());
        assertEquals(ReplayFiles.LABELS, derived.profile().channels().stream().map(c -> c.label()).toList());
        assertEquals(List.of(ReplayFiles.RATE), derived.profile().samplingRatesHz());

        assertEquals("given", plan(",profile=openbci-ganglion").profileOrigin());
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> plan(",profile=openbci-cyton"));
        assertTrue(wrongCount.getMessage().contains("has 4 channels, profile openbci-cyton expects 8"), wrongCount.getMessage());

        Path recorded = ReplayFiles.write(dir, "openbci-ganglion");
        ReplayPlan fromFile = ReplayPlan.of(ReplaySpec.parse("file:" + recorded), PROFILES);
        assertEquals("recorded", fromFile.profileOrigin());
        assertEquals("openbci-ganglion", fromFile.profile().id());
        // a model that names no known profile is ignored
        Path unknown = ReplayFiles.write(dir, "Acme EEG 3000");
        assertEquals("derived", ReplayPlan.of(ReplaySpec.parse("file:" + unknown), PROFILES).profileOrigin());
    }

    @Test
    void eachSessionGetsItsSourcesMarkersAndTheSharedOnes() throws IOException {
        Path file = ReplayFiles.write(dir, "");
        try (Recording recording = Recordings.open(file)) {
            List<RecordedStream> both = recording.streams();
            assertEquals(List.of("CUE:A", "Note: lights off", "TRIAL_END:A"), labels(ReplayPlan.markersOf(recording, both.get(0), both)));
            assertEquals(List.of("TRIGGER:7", "Note: lights off"), labels(ReplayPlan.markersOf(recording, both.get(1), both)));
            // one replayed stream receives every marker of the file
            assertEquals(4, ReplayPlan.markersOf(recording, both.get(1), List.of(both.get(1))).size());
        }
    }

    private static List<String> labels(List<RecordedMarker> markers) {
        return markers.stream().map(RecordedMarker::label).toList();
    }
}
