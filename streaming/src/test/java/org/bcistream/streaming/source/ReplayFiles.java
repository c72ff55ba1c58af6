package org.bcistream.streaming.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bcistream.streaming.recording.xdf.XdfChannelFormat;
import org.bcistream.streaming.recording.xdf.XdfStreamDescription;
import org.bcistream.streaming.recording.xdf.XdfWriter;

/**
 * A small XDF file for replay tests: two 4-channel 200 Hz EEG streams of 2 s ({@code EEG-A}, source id
 * {@code a}, in microvolts; {@code EEG-B}, source id {@code b}, in millivolts), a marker stream for each
 * source, and a marker stream tied to neither. Sample {@code i} of channel {@code c} of stream {@code s} (0
 * or 1) has the value {@code 100 s + c + i / 1000} in the stream's unit, time stamp {@code 10 + i / 200} s.
 */
final class ReplayFiles {
    static final int CHANNELS = 4;
    static final double RATE = 200;
    static final int SAMPLES = 400;
    static final List<String> LABELS = List.of("Fp1", "Fp2", "O1", "O2");

    private ReplayFiles() {}

    /** Value of sample {@code i}, channel {@code c} of stream {@code s}, in the stream's own unit. */
    static float value(int s, int i, int c) {
        return (float) (100 * s + c + i / 1000.0);
    }

    static double time(int i) {
        return 10 + i / RATE;
    }

    /** Writes the file; {@code model} goes into both EEG streams' {@code desc/acquisition/model} (may be empty). */
    static Path write(Path dir, String model) throws IOException {
        Path file = dir.resolve("two-sessions.xdf");
        try (XdfWriter w = XdfWriter.create(file)) {
            int[] eeg = new int[2];
            int[] cues = new int[2];
            for (int s = 0; s < 2; s++) {
                String unit = s == 0 ? "microvolts" : "millivolts";
                eeg[s] = w.addStream(XdfStreamDescription.of(s == 0 ? "EEG-A" : "EEG-B", "EEG", CHANNELS, RATE, XdfChannelFormat.FLOAT32)
                        .withSourceId(s == 0 ? "a" : "b")
                        .withChannels(LABELS, List.of(unit, unit, unit, unit), List.of())
                        .withDeviceModel(model));
                cues[s] = w.addStream(XdfStreamDescription.of("cues-" + s, "Markers", 1, 0, XdfChannelFormat.STRING)
                        .withSourceId(s == 0 ? "a" : "b"));
            }
            int shared = w.addStream(XdfStreamDescription.of("notes", "Markers", 1, 0, XdfChannelFormat.STRING));
            for (int s = 0; s < 2; s++) {
                double[] t = new double[SAMPLES];
                float[] v = new float[SAMPLES * CHANNELS];
                for (int i = 0; i < SAMPLES; i++) {
                    t[i] = time(i);
                    for (int c = 0; c < CHANNELS; c++) {
                        v[i * CHANNELS + c] = value(s, i, c);
                    }
                }
                w.writeSamples(eeg[s], t, v, SAMPLES);
            }
            w.writeStrings(cues[0], new double[] {10.5, 11.5}, new String[] {"CUE:A", "TRIAL_END:A"}, 2);
            w.writeStrings(cues[1], new double[] {10.75}, new String[] {"TRIGGER:7"}, 1);
            w.writeStrings(shared, new double[] {11.0}, new String[] {"Note: lights off"}, 1);
        }
        return file;
    }
}
