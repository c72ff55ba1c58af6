package org.bcistream.decoders.preprocess;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.bcistream.hardware.DeviceProfile;

/** Resolves a {@link ReferenceMode} against a profile into positions among the profile's neural channels. */
final class ReferenceChannels {
    /** Mastoid / ear-lobe label pairs tried in order for {@link ReferenceMode.Kind#LINKED_MASTOIDS}. */
    private static final List<List<String>> MASTOID_PAIRS = List.of(List.of("M1", "M2"), List.of("A1", "A2"), List.of("TP9", "TP10"));

    private ReferenceChannels() {}

    /**
     * Positions (0-based, among the neural channels in stream order) whose mean is subtracted from every
     * neural channel; empty for no re-reference.
     *
     * @throws InvalidPreprocessConfigException if a named or mastoid channel is not a neural channel of the
     *     profile; the message lists what was looked for and the neural labels present
     */
    static int[] positions(DeviceProfile profile, ReferenceMode mode) {
        List<String> labels = profile.neuralChannelLabels();
        return switch (mode.kind()) {
            case NONE -> new int[0];
            case COMMON_AVERAGE -> IntStream.range(0, labels.size()).toArray();
            case CHANNEL -> {
                int position = position(labels, mode.channelLabel());
                if (position < 0) {
                    throw new InvalidPreprocessConfigException(String.format(Locale.ROOT,
                            "reference channel '%s' is not a neural channel of profile %s; its neural channels are %s",
                            mode.channelLabel(), profile.id(), String.join(", ", labels)));
                }
                yield new int[] {position};
            }
            case LINKED_MASTOIDS -> {
                for (List<String> pair : MASTOID_PAIRS) {
                    int left = position(labels, pair.get(0));
                    int right = position(labels, pair.get(1));
                    if (left >= 0 && right >= 0) {
                        yield new int[] {left, right};
                    }
                }
                throw new InvalidPreprocessConfigException(String.format(Locale.ROOT,
                        "linked-mastoid reference needs one of the label pairs M1/M2, A1/A2, TP9/TP10 among the neural "
                                + "channels of profile %s; it has %s",
                        profile.id(), String.join(", ", labels)));
            }
        };
    }

    private static int position(List<String> labels, String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }
}
