package org.bcistream.hardware.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.ChannelType;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.LslConvention;
import org.bcistream.hardware.Modality;
import org.bcistream.hardware.ReferenceScheme;
import org.bcistream.hardware.Transport;

/** Device profiles built directly (independent of the built-in registry) for the synthetic-subject tests. */
final class TestProfiles {
    private TestProfiles() {
    }

    /** OpenBCI Cyton: 8 EEG channels at 250 Hz, no chunk size. */
    static DeviceProfile cyton() {
        return eeg("openbci-cyton", 250.0, null, null,
                eegChannels("Fp1", "Fp2", "C3", "C4", "P7", "P8", "O1", "O2"));
    }

    /** Muse 2: TP9, AF7, AF8, TP10 and a right auxiliary electrode at 256 Hz, 12-sample chunks. */
    static DeviceProfile muse2() {
        List<ChannelSpec> channels = eegChannels("TP9", "AF7", "AF8", "TP10");
        channels.add(new ChannelSpec("Right AUX", ChannelType.AUX, "microvolts"));
        return eeg("muse-2", 256.0, 12, null, channels);
    }

    /** Four EEG channels with non-10-20 labels plus every kind of auxiliary channel, 200 Hz. */
    static DeviceProfile auxRich() {
        List<ChannelSpec> channels = eegChannels("ch1", "ch2", "ch3", "ch4");
        channels.add(new ChannelSpec("AccX", ChannelType.ACC, "g"));
        channels.add(new ChannelSpec("AccY", ChannelType.ACC, "g"));
        channels.add(new ChannelSpec("AccZ", ChannelType.ACC, "g"));
        channels.add(new ChannelSpec("GyroX", ChannelType.GYRO, "deg/s"));
        channels.add(new ChannelSpec("PPG", ChannelType.PPG, "units"));
        channels.add(new ChannelSpec("Trigger", ChannelType.TRIGGER, "code"));
        channels.add(new ChannelSpec("Packet", ChannelType.COUNTER, "count"));
        channels.add(new ChannelSpec("Battery", ChannelType.AUX, "percent"));
        return eeg("aux-rich-test", 200.0, null, "Packet", channels);
    }

    /** Blackrock NeuroPort: 128 spike channels at 30 kHz. */
    static DeviceProfile neuroport128() {
        List<ChannelSpec> channels = new ArrayList<>();
        for (int i = 1; i <= 128; i++) {
            channels.add(new ChannelSpec("elec" + i, ChannelType.SPIKES, "microvolts"));
        }
        return new DeviceProfile("blackrock-neuroport-128", "NeuroPort 128", "Blackrock Neurotech",
                Modality.INTRACORTICAL, channels, List.of(30000.0), 30000.0, 0.25, 16,
                new ReferenceScheme(ReferenceScheme.Kind.CONFIGURABLE, ""), List.of(Transport.ETHERNET),
                new LslConvention("Spikes", ".*", "test"), null, null, null, null, null, null, null);
    }

    private static List<ChannelSpec> eegChannels(String... labels) {
        List<ChannelSpec> channels = new ArrayList<>();
        for (String label : labels) {
            channels.add(new ChannelSpec(label, ChannelType.EEG, "microvolts"));
        }
        return channels;
    }

    private static DeviceProfile eeg(String id, double rate, Integer chunk, String counter,
            List<ChannelSpec> channels) {
        return new DeviceProfile(id, id, "test vendor", Modality.EEG, channels, List.of(rate), rate, null, 24,
                new ReferenceScheme(ReferenceScheme.Kind.COMMON_ELECTRODE, ""), List.of(Transport.BLUETOOTH),
                new LslConvention("EEG", ".*", "test"), null, 50.0, chunk, counter, null, null, null);
    }
}
