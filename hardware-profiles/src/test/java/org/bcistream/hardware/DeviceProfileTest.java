package org.bcistream.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record's own invariants, for profiles built in code. */
class DeviceProfileTest {
    private static DeviceProfile profile(List<ChannelSpec> channels, String counter, List<String> unverified) {
        return new DeviceProfile("code-amp", "Code amp", "Acme", Modality.EEG, channels, List.of(250.0), 250.0, null, null,
                new ReferenceScheme(ReferenceScheme.Kind.UNKNOWN, null), List.of(Transport.USB),
                new LslConvention("EEG", "CodeAmp", null), null, null, null, counter, null, unverified, null);
    }

    private static List<ChannelSpec> eeg(String... labels) {
        return new ArrayList<>(Arrays.stream(labels).map(l -> new ChannelSpec(l, ChannelType.EEG, "microvolts")).toList());
    }

    @Test
    void defaultsForOptionalParts() {
        DeviceProfile p = profile(eeg("C3", "C4"), null, null);
        assertEquals("", p.reference().detail());
        assertEquals("", p.lsl().app());
        assertEquals(new DeviceLatency(null, ""), p.latency());
        assertEquals(List.of(), p.unverified());
        assertEquals(List.of(), p.sources());
        assertEquals(1, p.indexOf("c4"));
        assertEquals(-1, p.indexOf("Cz"));
    }

    @Test
    void invariantsNameTheFieldAndValue() {
        List<ChannelSpec> withNull = eeg("C3");
        withNull.add(null);
        assertTrue(assertThrows(InvalidProfileException.class, () -> profile(withNull, null, null))
                .getMessage().contains("channels[1] is null"));
        List<ChannelSpec> accOnly = List.of(new ChannelSpec("AccX", ChannelType.ACC, "g"));
        assertTrue(assertThrows(InvalidProfileException.class, () -> profile(accOnly, null, null))
                .getMessage().contains("has no neural (EEG/EXG/SPIKES/LFP) channel among its 1 channels"));
        assertEquals("device profile 'code-amp': channel label 'C3' is used twice (channels[0] and channels[1]); "
                        + "labels must be unique, ignoring case",
                assertThrows(InvalidProfileException.class, () -> profile(eeg("C3", "C3"), null, null)).getMessage());
        assertTrue(assertThrows(InvalidProfileException.class, () -> profile(eeg("C3"), "C3", null))
                .getMessage().contains("counterChannel 'C3' has type EEG, expected COUNTER"));
        InvalidProfileException unverified = assertThrows(InvalidProfileException.class, () -> profile(eeg("C3"), null, List.of("lsl.name")));
        assertEquals("code-amp", unverified.profile());
        assertTrue(unverified.problem().startsWith("unverified entry 'lsl.name' is not a profile field"), unverified.problem());
        assertEquals(List.of("lsl.namePattern", "reference"), profile(eeg("C3"), null, List.of("lsl.namePattern", "reference")).unverified());
    }

    @Test
    void ratesMustBeDistinctPositiveAndIncludeTheDefault() {
        InvalidProfileException twice = assertThrows(InvalidProfileException.class, () -> new DeviceProfile("code-amp", "n", "v",
                Modality.EEG, eeg("C3"), List.of(250.0, 250.0), 250.0, null, null, new ReferenceScheme(ReferenceScheme.Kind.UNKNOWN, ""),
                List.of(Transport.USB), new LslConvention("EEG", "x", ""), null, null, null, null, null, null, null));
        assertTrue(twice.getMessage().contains("samplingRatesHz lists 250 Hz twice"), twice.getMessage());
        InvalidProfileException negative = assertThrows(InvalidProfileException.class, () -> new DeviceProfile("code-amp", "n", "v",
                Modality.EEG, eeg("C3"), List.of(-1.0), -1.0, null, null, new ReferenceScheme(ReferenceScheme.Kind.UNKNOWN, ""),
                List.of(Transport.USB), new LslConvention("EEG", "x", ""), null, null, null, null, null, null, null));
        assertTrue(negative.getMessage().contains("sampling rate -1 Hz is not a finite positive number"), negative.getMessage());
    }

    @Test
    void relabellingNeedsOneNewLabelPerNeuralChannel() {
        List<ChannelSpec> channels = eeg("1", "2");
        channels.add(new ChannelSpec("Counter", ChannelType.COUNTER, "count"));
        DeviceProfile p = profile(channels, "Counter", null);
        DeviceProfile relabelled = p.withNeuralChannelLabels(List.of("C3", "C4"));
        assertEquals(List.of("C3", "C4"), relabelled.neuralChannelLabels());
        assertEquals("Counter", relabelled.channels().get(2).label());
        assertTrue(assertThrows(InvalidProfileException.class, () -> p.withNeuralChannelLabels(List.of("C3")))
                .getMessage().contains("withNeuralChannelLabels needs 2 labels (one per neural channel), got 1"));
        assertTrue(assertThrows(InvalidProfileException.class, () -> p.withNeuralChannelLabels(List.of("C3", "counter")))
                .getMessage().contains("channel label 'Counter' is used twice"));
    }
}
