package org.bcistream.hardware;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the device's usual LSL app names its primary stream.
 *
 * <p>For devices without a vendor LSL outlet (BrainFlow-only boards, Blackrock, Neuropixels) the
 * convention is the project's own: a bridge publishes the stream with the profile id as its name, and
 * {@link #app()} says so.
 *
 * <p>Invariants: {@code type} and {@code namePattern} are non-null and not blank, and
 * {@code namePattern} is a valid Java regular expression; {@code app} is never {@code null} (absent
 * reads as empty).
 *
 * @param type the LSL content type (e.g. {@code EEG}); matched first, case-insensitively
 * @param namePattern a Java regular expression the full stream name matches (e.g. {@code obci_eeg\d+})
 * @param app the program that publishes the stream (e.g. {@code OpenBCI GUI}), for messages and docs
 */
public record LslConvention(@JsonRequired String type, @JsonRequired String namePattern, String app) implements java.io.Serializable {
    /** Checks the invariants above, including that the pattern compiles. */
    public LslConvention {
        Objects.requireNonNull(type, "lsl type");
        Objects.requireNonNull(namePattern, "lsl namePattern");
        if (type.isBlank()) {
            throw new IllegalArgumentException("lsl type is blank");
        }
        if (namePattern.isBlank()) {
            throw new IllegalArgumentException("lsl namePattern is blank");
        }
        app = app == null ? "" : app;
        try {
            Pattern.compile(namePattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("lsl namePattern is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of '" + namePattern + "'", e);
        }
    }

    /** True when an LSL stream name matches {@link #namePattern()} in full. */
    public boolean matchesName(String streamName) {
        return streamName != null && Pattern.matches(namePattern, streamName);
    }

    /** True when an LSL content type equals {@link #type()}, ignoring case. */
    public boolean matchesType(String streamType) {
        return type.equalsIgnoreCase(streamType);
    }
}
