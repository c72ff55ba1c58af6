package org.bcistream.hardware;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the device's usual LSL app names its primary stream.
 *
 * @param type the LSL content type (e.g. {@code EEG}); matched first, case-insensitively
 * @param namePattern a Java regular expression the full stream name matches (e.g. {@code obci_eeg\d+})
 * @param app the program that publishes the stream (e.g. {@code OpenBCI GUI}), for messages and docs
 */
public record LslConvention(String type, String namePattern, String app) {
    public LslConvention {
        Objects.requireNonNull(type, "lsl type");
        Objects.requireNonNull(namePattern, "lsl namePattern");
        app = app == null ? "" : app;
        Pattern.compile(namePattern); // fails fast with the position of a syntax error
    }

    /** True when an LSL stream name matches {@link #namePattern()} in full. */
    public boolean matchesName(String streamName) {
        return streamName != null && Pattern.matches(namePattern, streamName);
    }
}
