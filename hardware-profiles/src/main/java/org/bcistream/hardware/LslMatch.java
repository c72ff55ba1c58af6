package org.bcistream.hardware;

import java.util.Objects;

/**
 * How well one profile fits an LSL stream. Criteria in ranking order: the content type equals the
 * profile's {@link LslConvention#type()} (ignoring case), the name matches its
 * {@link LslConvention#namePattern()}, the channel count equals {@link DeviceProfile#channelCount()}, and the
 * nominal rate is one of {@link DeviceProfile#samplingRatesHz()} (true when the stream's rate is unknown).
 *
 * @param profile the candidate
 * @param typeMatches the stream's type equals the profile's LSL type
 * @param nameMatches the stream's name matches the profile's LSL name pattern
 * @param channelCountMatches the stream has as many channels as the profile
 * @param rateMatches the stream's rate is unknown or one of the profile's rates
 */
public record LslMatch(DeviceProfile profile, boolean typeMatches, boolean nameMatches,
        boolean channelCountMatches, boolean rateMatches) {
    /** Requires a profile. */
    public LslMatch {
        Objects.requireNonNull(profile, "profile");
    }

    /** Scores one profile against a stream. */
    public static LslMatch of(DeviceProfile profile, LslStreamDescription stream) {
        return new LslMatch(profile,
                profile.lsl().matchesType(stream.type()),
                profile.lsl().matchesName(stream.name()),
                profile.channelCount() == stream.channelCount(),
                !stream.hasRate() || profile.samplingRatesHz().contains(stream.nominalRateHz()));
    }

    /** True when every criterion holds: the profile describes this stream. */
    public boolean isComplete() {
        return typeMatches && nameMatches && channelCountMatches && rateMatches;
    }

    /** Criteria held, as a number whose order is the ranking order (type 8, name 4, channels 2, rate 1). */
    int score() {
        return (typeMatches ? 8 : 0) + (nameMatches ? 4 : 0) + (channelCountMatches ? 2 : 0) + (rateMatches ? 1 : 0);
    }
}
