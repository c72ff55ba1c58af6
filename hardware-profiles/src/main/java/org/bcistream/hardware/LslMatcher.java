package org.bcistream.hardware;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the device profile that describes an LSL stream.
 *
 * <p><b>Ranking.</b> A profile is a candidate when the stream's type equals its LSL type or the stream's
 * name matches its name pattern. Candidates are ranked by the criteria of {@link LslMatch} in this order:
 * type, then name, then channel count, then nominal rate (when the stream reports one); ties by id.
 *
 * <p><b>Best match.</b> {@link #bestMatch} returns the profile for which every criterion holds. If several
 * hold every criterion and all of them describe the same stream (same channels with labels, types and
 * units, same rates, default rate, microvolts per count, reference kind, fixed delay, notch, chunk size and
 * counter channel), they are interchangeable for decoding and the one with the smallest id is returned:
 * e.g. muse-lsl publishes the same 5-channel {@code Muse}/{@code EEG} stream for a Muse 2 and a Muse S, so
 * such a stream resolves to {@code muse-2}; choose {@code muse-s} by id to get its metadata. Otherwise the
 * tie goes to the profiles whose default rate is the stream's nominal rate, if they are interchangeable;
 * otherwise the match is ambiguous (e.g. two ANT Neuro amplifiers with equal channel counts when the stream's
 * rate is unknown or a default of neither) and an exception lists the candidates. Immutable and thread-safe.
 */
public final class LslMatcher {
    private static final int LISTED = 8;

    private final List<DeviceProfile> profiles;

    /** A matcher over these profiles. */
    public LslMatcher(Collection<DeviceProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /**
     * Candidates for this stream (profiles matching at least its type or its name), best first.
     *
     * @return possibly empty, never {@code null}
     */
    public List<LslMatch> rank(LslStreamDescription stream) {
        Objects.requireNonNull(stream, "stream");
        return profiles.stream()
                .map(p -> LslMatch.of(p, stream))
                .filter(m -> m.typeMatches() || m.nameMatches())
                .sorted(Comparator.comparingInt(LslMatch::score).reversed().thenComparing(m -> m.profile().id()))
                .toList();
    }

    /**
     * The single profile that describes this stream.
     *
     * @throws ProfileMatchException if no profile matches on type, name, channel count and rate, or several
     *     different ones do; the message says which criterion failed and lists the candidates
     */
    public DeviceProfile bestMatch(LslStreamDescription stream) {
        List<LslMatch> ranked = rank(stream);
        List<LslMatch> complete = ranked.stream().filter(LslMatch::isComplete).toList();
        if (!complete.isEmpty()) {
            if (interchangeable(complete)) {
                return complete.get(0).profile();
            }
            List<LslMatch> atDefaultRate = only(complete, m -> m.profile().defaultRateHz() == stream.nominalRateHz());
            if (!atDefaultRate.isEmpty() && interchangeable(atDefaultRate)) {
                return atDefaultRate.get(0).profile();
            }
            throw new ProfileMatchException(stream, ranked, String.format(Locale.ROOT,
                    "stream %s matches %d profiles that describe different streams: %s; %s",
                    stream, complete.size(), describe(complete, complete.size()),
                    stream.hasRate() ? "choose one by id" : "pass the stream's nominal rate or choose one by id"));
        }
        throw new ProfileMatchException(stream, ranked, "no profile describes stream " + stream + ": " + whyNone(stream, ranked));
    }

    /** True when every match describes the same stream as the first. */
    private static boolean interchangeable(List<LslMatch> matches) {
        DeviceProfile first = matches.get(0).profile();
        return matches.stream().allMatch(m -> sameStream(first, m.profile()));
    }

    /** True when two profiles describe identical streams, so decoding cannot tell them apart. */
    static boolean sameStream(DeviceProfile a, DeviceProfile b) {
        return a.channels().equals(b.channels())
                && new HashSet<>(a.samplingRatesHz()).equals(new HashSet<>(b.samplingRatesHz()))
                && a.defaultRateHz() == b.defaultRateHz()
                && Objects.equals(a.microvoltsPerCount(), b.microvoltsPerCount())
                && a.reference().kind() == b.reference().kind()
                && Objects.equals(a.latency().fixedDelayMs(), b.latency().fixedDelayMs())
                && Objects.equals(a.mainsNotchHz(), b.mainsNotchHz())
                && Objects.equals(a.expectedChunkSamples(), b.expectedChunkSamples())
                && Objects.equals(a.counterChannel(), b.counterChannel());
    }

    private String whyNone(LslStreamDescription stream, List<LslMatch> ranked) {
        List<LslMatch> typeAndName = only(ranked, m -> m.typeMatches() && m.nameMatches());
        if (!typeAndName.isEmpty()) {
            List<LslMatch> rightCount = only(typeAndName, LslMatch::channelCountMatches);
            if (!rightCount.isEmpty()) {
                return String.format(Locale.ROOT, "the profiles matching its type, name and %d channels do not list %s Hz: %s",
                        stream.channelCount(), DeviceProfile.number(stream.nominalRateHz()), describe(rightCount, LISTED));
            }
            return String.format(Locale.ROOT, "no profile with %d channels matches its type and name; those that do have %s",
                    stream.channelCount(), describe(typeAndName, LISTED));
        }
        List<LslMatch> typeOnly = only(ranked, LslMatch::typeMatches);
        if (!typeOnly.isEmpty()) {
            List<LslMatch> sameCount = only(typeOnly, LslMatch::channelCountMatches);
            if (!sameCount.isEmpty()) {
                return String.format(Locale.ROOT, "no profile's LSL name pattern matches '%s'; profiles of type %s with %d channels: %s",
                        stream.name(), stream.type(), stream.channelCount(), describeWithPattern(sameCount));
            }
            return String.format(Locale.ROOT, "no profile's LSL name pattern matches '%s', and no profile of type %s has %d channels; "
                    + "profiles of type %s: %s", stream.name(), stream.type(), stream.channelCount(), stream.type(), describe(typeOnly, LISTED));
        }
        TreeSet<String> types = profiles.stream().map(p -> p.lsl().type()).collect(Collectors.toCollection(TreeSet::new));
        String nameMatches = ranked.isEmpty() ? "" : ranked.stream()
                .limit(LISTED)
                .map(m -> m.profile().id() + " (type " + m.profile().lsl().type() + ")")
                .collect(Collectors.joining(", ", "; profiles whose LSL name pattern matches '" + stream.name() + "': ", ""));
        return String.format(Locale.ROOT, "no profile has LSL type '%s' (known types: %s)%s", stream.type(), types, nameMatches);
    }

    private static List<LslMatch> only(List<LslMatch> matches, Predicate<LslMatch> keep) {
        return matches.stream().filter(keep).toList();
    }

    /** E.g. {@code biosemi-activetwo-32 (41 channels, 512/2048/4096/8192/16384 Hz)}, at most {@code limit}. */
    private static String describe(List<LslMatch> matches, int limit) {
        String listed = matches.stream()
                .limit(limit)
                .map(m -> m.profile().id() + " (" + m.profile().channelCount() + " channels, " + rates(m.profile()) + " Hz)")
                .collect(Collectors.joining(", "));
        return matches.size() > limit ? listed + " and " + (matches.size() - limit) + " more" : listed;
    }

    private static String describeWithPattern(List<LslMatch> matches) {
        String listed = matches.stream()
                .limit(LISTED)
                .map(m -> m.profile().id() + " (name " + m.profile().lsl().namePattern() + ")")
                .collect(Collectors.joining(", "));
        return matches.size() > LISTED ? listed + " and " + (matches.size() - LISTED) + " more" : listed;
    }

    private static String rates(DeviceProfile p) {
        return p.samplingRatesHz().stream().map(DeviceProfile::number).collect(Collectors.joining("/"));
    }
}
