package org.bcistream.decoders.testing;

import java.util.List;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.ChannelType;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.LslConvention;
import org.bcistream.hardware.Modality;
import org.bcistream.hardware.ReferenceScheme;
import org.bcistream.hardware.Transport;

/** Device profiles built directly with the record constructor, independent of the profile registry. */
public final class TestProfiles {
    private TestProfiles() {}

    /** An EEG channel in microvolts. */
    public static ChannelSpec eeg(String label) {
        return new ChannelSpec(label, ChannelType.EEG, "microvolts");
    }

    /** An accelerometer channel (auxiliary). */
    public static ChannelSpec accelerometer(String label) {
        return new ChannelSpec(label, ChannelType.ACC, "g");
    }

    /** A profile with the given channels, one rate, optional counts scale and mains notch. */
    public static DeviceProfile profile(String id, Modality modality, double rateHz, Double microvoltsPerCount,
            Double mainsNotchHz, List<ChannelSpec> channels) {
        return new DeviceProfile(id, "Test " + id, "Test vendor", modality, channels, List.of(rateHz), rateHz,
                microvoltsPerCount, null, new ReferenceScheme(ReferenceScheme.Kind.COMMON_ELECTRODE, ""),
                List.of(Transport.IN_PROCESS), new LslConvention("EEG", ".*", "test"), null, mainsNotchHz, null, null,
                null, List.of(), List.of());
    }

    /** An EEG profile of neural channels only, 50 Hz mains. */
    public static DeviceProfile eegProfile(String id, double rateHz, String... labels) {
        return profile(id, Modality.EEG, rateHz, null, 50.0, java.util.Arrays.stream(labels).map(TestProfiles::eeg).toList());
    }

    /** Like the OpenBCI Cyton: 8 EEG channels at 250 Hz, 0.02235 uV per count, 60 Hz mains. */
    public static DeviceProfile cyton() {
        return profile("openbci-cyton", Modality.EEG, 250.0, 0.02235, 60.0,
                List.of(eeg("Fp1"), eeg("Fp2"), eeg("C3"), eeg("C4"), eeg("P7"), eeg("P8"), eeg("O1"), eeg("O2")));
    }
}
