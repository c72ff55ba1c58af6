package org.bcistream.streaming.recording.edf;

import static org.bcistream.streaming.recording.edf.EdfTestFiles.amplitudeAt;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.data;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.peakFrequency;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EDF and BDF files of the shared data folder, checked against the values its README states and
 * against values computed independently with numpy by {@code src/test/resources/edf/reference_values.py}
 * (the sample values, T0 counts and trigger positions quoted below).
 */
class EdfRecordingTest {
    private static final List<String> PHYSIONET_LABELS = List.of("Fc5.", "Fc3.", "Fc1.", "Fcz.", "Fc2.", "Fc4.", "Fc6.",
            "C5..", "C3..", "C1..", "Cz..", "C2..", "C4..", "C6..", "Cp5.", "Cp3.", "Cp1.", "Cpz.", "Cp2.", "Cp4.", "Cp6.",
            "Fp1.", "Fpz.", "Fp2.", "Af7.", "Af3.", "Afz.", "Af4.", "Af8.", "F7..", "F5..", "F3..", "F1..", "Fz..", "F2..",
            "F4..", "F6..", "F8..", "Ft7.", "Ft8.", "T7..", "T8..", "T9..", "T10.", "Tp7.", "Tp8.", "P7..", "P5..", "P3..",
            "P1..", "Pz..", "P2..", "P4..", "P6..", "P8..", "Po7.", "Po3.", "Poz.", "Po4.", "Po8.", "O1..", "Oz..", "O2..",
            "Iz..");

    @Test
    void physionetBaselineRunIsEdfPlusCWithOnlyT0() throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("edf/S001R01.edf"))) {
            EdfHeader h = rec.header();
            assertEquals("EDF+C", rec.format());
            assertEquals(List.of(), rec.warnings());
            assertEquals(61, h.recordCount());
            assertEquals(61, rec.recordCount());
            assertEquals(1.0, h.recordDurationSeconds());
            assertEquals(65, h.signals().size());
            assertEquals(256 * 66, h.headerBytes());
            assertEquals(LocalDateTime.of(2009, 8, 12, 16, 15, 0), h.startDateTime());
            assertEquals("EDF Annotations", h.signals().get(64).label());
            for (EdfSignal s : h.signals().subList(0, 64)) {
                assertEquals(1.0, s.unitsPerCount(), s.label() + ": 1 count = 1 uV");
                assertEquals("uV", s.physicalDimension());
                assertEquals(160, s.samplesPerRecord());
            }

            RecordedStream eeg = physionetStream(rec, 61);
            StreamData d = readAll(rec, eeg, 333);
            // numpy reference (int16 little-endian, same scaling)
            assertEquals(-16f, d.value(0, 0));
            assertEquals(-56f, d.value(1, 0));
            assertEquals(-42f, d.value(5000, 10));
            assertEquals(0f, d.value(9759, 63));
            assertEquals(5000 / 160.0, d.times()[5000], 1e-12);

            assertEquals(List.of(new RecordedMarker(0.0, 60.2, "T0", RecordedMarker.Kind.ANNOTATION, "EDF Annotations")),
                    rec.markers());
        }
    }

    @ParameterizedTest(name = "{0}: T1 {1}, T2 {2}")
    @CsvSource({"S001R04.edf, 8, 7", "S001R08.edf, 8, 7", "S001R12.edf, 7, 8"})
    void physionetImageryRunsHoldT0T1T2WithTheirDurations(String file, int t1, int t2) throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("edf/" + file))) {
            assertEquals("EDF+C", rec.format());
            assertEquals(List.of(), rec.warnings());
            assertEquals(125, rec.recordCount());
            RecordedStream eeg = physionetStream(rec, 125);
            assertEquals(125.0 - 1 / 160.0, eeg.durationSeconds(), 1e-9);

            Map<String, Long> counts = rec.markers().stream()
                    .collect(Collectors.groupingBy(RecordedMarker::label, TreeMap::new, Collectors.counting()));
            // T0 count from numpy's TAL split; T1/T2 from the data README
            assertEquals(Map.of("T0", 15L, "T1", (long) t1, "T2", (long) t2), counts);
            double previous = Double.NEGATIVE_INFINITY;
            for (RecordedMarker m : rec.markers()) {
                assertEquals(m.label().equals("T0") ? 4.2 : 4.1, m.durationSeconds(), 1e-12, m.toString());
                assertEquals(RecordedMarker.Kind.ANNOTATION, m.kind());
                assertTrue(m.time() >= previous && m.time() < 125, m::toString);
                previous = m.time();
            }
            assertEquals(0.0, rec.markers().get(0).time());
            assertEquals(4.2, rec.markers().get(1).time(), 1e-12);
            assertEquals(120.4, rec.markers().get(29).time(), 1e-12);

            if (file.equals("S001R04.edf")) {
                StreamData d = readAll(rec, eeg, 1000);
                assertEquals(-5f, d.value(0, 0));
                assertEquals(-52f, d.value(12345, 31));
            }
        }
    }

    private static RecordedStream physionetStream(EdfRecording rec, int seconds) {
        assertEquals(1, rec.streams().size(), "one rate, one stream");
        RecordedStream eeg = rec.streams().get(0);
        assertAll(
                () -> assertEquals("signals@160Hz", eeg.id()),
                () -> assertEquals(EdfRecording.STREAM_TYPE, eeg.type()),
                () -> assertEquals(64, eeg.channelCount()),
                () -> assertEquals(160.0, eeg.nominalRateHz()),
                () -> assertEquals(PHYSIONET_LABELS, eeg.channelLabels()),
                () -> assertEquals(List.of("uV"), eeg.channelUnits().stream().distinct().toList()),
                () -> assertEquals(seconds * 160L, eeg.sampleCount()),
                () -> assertEquals(0.0, eeg.firstTime()),
                () -> assertEquals(seconds - 1 / 160.0, eeg.lastTime(), 1e-12));
        return eeg;
    }

    @Test
    void pyedflibGeneratorEdfHoldsElevenSignalsAndItsSines() throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("edf/test_generator.edf"))) {
            assertEquals("EDF+C", rec.format());
            assertEquals(List.of(), rec.warnings());
            assertEquals(600, rec.recordCount());
            assertEquals(12, rec.header().signals().size());
            for (EdfSignal s : rec.header().signals().subList(0, 11)) {
                assertAll(s.label(),
                        () -> assertEquals(-1000.0, s.physicalMin()),
                        () -> assertEquals(1000.0, s.physicalMax()),
                        () -> assertEquals(-32768, s.digitalMin()),
                        () -> assertEquals(32767, s.digitalMax()));
            }
            assertEquals(1, rec.streams().size());
            RecordedStream s = rec.streams().get(0);
            assertEquals("signals@200Hz", s.id());
            assertEquals(List.of("squarewave", "ramp", "pulse", "noise", "sine 1 Hz", "sine 8 Hz", "sine 8.1777 Hz",
                    "sine 8.5 Hz", "sine 15 Hz", "sine 17 Hz", "sine 50 Hz"), s.channelLabels());
            assertEquals(120_000, s.sampleCount());
            assertEquals(600.0 - 1 / 200.0, s.lastTime(), 1e-9);

            assertEquals(List.of(
                    new RecordedMarker(0.0, 0.0, "Recording starts", RecordedMarker.Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(600.0, 0.0, "Recording ends", RecordedMarker.Kind.ANNOTATION, "EDF Annotations")),
                    rec.markers());

            StreamData d = readAll(rec, s, 4096);
            assertEquals(99.99237f, d.value(0, 0), 1e-4f, "numpy: squarewave[0]");
            assertEquals(50.003815f, d.value(777, 3), 1e-4f, "numpy: noise[777]");
            // sines of 100 uV: the peak of a 0.5 Hz grid over the first 20 s, and the amplitude over all 600 s
            double[] hz = {1, 8, 15, 17, 50};
            int[] channel = {4, 5, 8, 9, 10};
            for (int i = 0; i < hz.length; i++) {
                double[] x = d.channel(channel[i]);
                assertEquals(hz[i], peakFrequency(x, 4000, 200, 0.5), 1e-9, s.channelLabels().get(channel[i]));
                assertEquals(100.0, amplitudeAt(x, x.length, 200, hz[i]), 0.1, s.channelLabels().get(channel[i]) + " amplitude");
                assertTrue(amplitudeAt(x, x.length, 200, hz[i] + 0.5) < 0.1, s.channelLabels().get(channel[i]) + " off-peak");
            }
        }
    }

    @Test
    void biosemiNewtestHasSixteenChannelsAndStatusTriggers() throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("bdf/Newtest17-256.bdf"))) {
            assertEquals("BDF", rec.format());
            assertTrue(rec.header().bdf());
            assertEquals("BIOSEMI", rec.header().version());
            assertEquals(List.of(), rec.warnings());
            assertEquals(60, rec.recordCount());
            assertEquals("Status", rec.header().signals().get(16).label());
            assertEquals(1, rec.streams().size(), "Status is not a signal stream");
            RecordedStream s = rec.streams().get(0);
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                labels.add("A" + i);
            }
            assertEquals("signals@256Hz", s.id());
            assertEquals(labels, s.channelLabels());
            assertEquals(60 * 256, s.sampleCount());
            assertEquals(524288.0 / 16777215.0, rec.header().signals().get(0).unitsPerCount(), 1e-15);

            StreamData d = readAll(rec, s, 1000);
            // numpy reference: 24-bit little-endian two's complement, same scaling
            assertEquals(-526.60944f, d.value(0, 0), 1e-3f);
            assertEquals(-166.35939f, d.value(15359, 15), 1e-3f);
            assertEquals(83.51563f, d.value(8000, 7), 1e-3f);

            // Status low 16 bits alternate 255/254 (255 at sample 0: the resting level, no trigger)
            List<RecordedMarker> m = rec.markers();
            assertEquals(80, m.size());
            assertTrue(m.stream().allMatch(x -> x.kind() == RecordedMarker.Kind.TRIGGER && x.streamId().equals("Status")));
            assertEquals(Map.of("254", 40L, "255", 40L),
                    m.stream().collect(Collectors.groupingBy(RecordedMarker::label, Collectors.counting())));
            assertEquals(new RecordedMarker(212 / 256.0, (414 - 212) / 256.0, "254", RecordedMarker.Kind.TRIGGER, "Status"), m.get(0));
            assertEquals(414 / 256.0, m.get(1).time(), 1e-12);
            assertEquals(15304 / 256.0, m.get(79).time(), 1e-12);
            assertEquals((15360 - 15304) / 256.0, m.get(79).durationSeconds(), 1e-12, "last trigger lasts to the end");
        }
    }

    @Test
    void biosemiMneTestFileHasSeventyTwoChannelsAndOneTrigger() throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("bdf/biosemi-activetwo_mne-test.bdf"))) {
            assertEquals("BDF", rec.format());
            assertEquals(73, rec.header().signals().size());
            assertEquals(1, rec.header().recordCount());
            assertEquals(1, rec.streams().size());
            RecordedStream s = rec.streams().get(0);
            assertEquals("signals@2048Hz", s.id());
            assertEquals(72, s.channelCount());
            assertEquals(2048, s.sampleCount());
            assertEquals(List.of("Fp1", "AF7"), s.channelLabels().subList(0, 2));
            assertEquals(List.of("M2", "M1", "EXG8"), s.channelLabels().subList(69, 72));
            assertFalse(s.channelLabels().contains("Status"));
            for (EdfSignal sig : rec.header().signals().subList(0, 72)) {
                assertEquals(0.03125, sig.unitsPerCount(), 0.03125 * 1e-5, sig.label() + ": (262143 + 262144) / (2^24 - 1) uV/count");
            }
            assertEquals(List.of(new RecordedMarker(589 / 2048.0, 21 / 2048.0, "128", RecordedMarker.Kind.TRIGGER, "Status")),
                    rec.markers(), "Status low 16 bits = 128 on 21 samples: one trigger");

            StreamData d = readAll(rec, s, 500);
            assertEquals(14660.582f, d.value(0, 0), 1e-2f);
            assertEquals(-259405.47f, d.value(2047, 71), 1e-1f);
            assertEquals(1637.95f, d.value(1000, 40), 1e-2f);
        }
    }

    @Test
    void pyedflibGeneratorBdfHasOneStreamPerRate() throws IOException {
        try (EdfRecording rec = EdfRecording.open(data("bdf/test_generator.bdf"))) {
            assertEquals("BDF+C", rec.format());
            assertEquals(List.of(), rec.warnings());
            assertEquals(List.of(), rec.markers(), "only time-keeping TALs, no Status");
            assertEquals(List.of("signals@1000Hz", "signals@800Hz", "signals@500Hz", "signals@975Hz", "signals@999Hz"),
                    rec.streams().stream().map(RecordedStream::id).toList());
            assertEquals(List.of(30_000L, 24_000L, 15_000L, 29_250L, 29_970L),
                    rec.streams().stream().map(RecordedStream::sampleCount).toList());
            assertEquals(List.of("sine 5Hz", "square 13Hz", "ramp 7Hz", "pink noise", "white noise"),
                    rec.streams().stream().map(s -> s.channelLabels().get(0)).toList());
            for (RecordedStream s : rec.streams()) {
                assertEquals(1, s.channelCount());
                assertEquals(30.0 - 1 / s.nominalRateHz(), s.lastTime(), 1e-9, s.id());
                readAll(rec, s, 777);
            }
            RecordedStream sine = rec.streams().get(0);
            double[] x = readAll(rec, sine, 1000).channel(0);
            assertEquals(31.410637f, (float) x[0], 1e-3f, "numpy: sine 5Hz[0]");
            assertEquals(5.0, peakFrequency(x, 4000, 1000, 0.25), 1e-9);
            assertEquals(1000.0, amplitudeAt(x, x.length, 1000, 5.0), 0.5);
        }
    }

    /** Every EDF/BDF file of the folder opens cleanly and each stream reads to its announced end. */
    @Test
    void everyFileOfTheDataFolderReadsToTheEnd() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("edf", "bdf")) {
            try (Stream<Path> list = Files.list(data(dir))) {
                list.filter(p -> p.toString().endsWith("." + dir)).sorted().forEach(files::add);
            }
        }
        assertEquals(8, files.size(), () -> "EDF/BDF files in the data folder: " + files);
        for (Path file : files) {
            try (EdfRecording rec = EdfRecording.open(file)) {
                assertEquals(List.of(), rec.warnings(), file.toString());
                assertFalse(rec.streams().isEmpty(), file.toString());
                for (RecordedStream s : rec.streams()) {
                    readAll(rec, s, 2500);
                }
            }
        }
    }
}
