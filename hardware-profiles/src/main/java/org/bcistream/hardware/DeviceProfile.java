package org.bcistream.hardware;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Everything the engine knows about one acquisition device: the channels of its primary stream, its
 * sampling rates, its ADC resolution, its hardware reference, transport, LSL naming, known latency and the
 * recommended mains notch.
 *
 * <p>The primary stream is the one the device's usual LSL app publishes (e.g. muse-lsl's 5-channel
 * {@code EEG} stream); for devices without an LSL app it is BrainFlow's per-sample row, package number,
 * timestamp and marker rows included, so that stream indices equal BrainFlow row indices.
 *
 * <p>Immutable. Invariants (checked on construction, with messages that name the field and the value):
 * {@code id} is lower-case kebab case; name and vendor are not blank; at least one channel and one neural
 * channel; channel labels are unique ignoring case; sampling rates are finite, positive and distinct and
 * {@code defaultRateHz} is one of them; {@code microvoltsPerCount}, when known, is finite and positive;
 * {@code adcBits} is in 1..32; {@code mainsNotchHz}, when set, is 50 or 60; {@code expectedChunkSamples} is
 * positive; {@code counterChannel} names a channel of type {@link ChannelType#COUNTER}; every
 * {@code unverified} entry names a field of this record (dotted for nested fields, e.g. {@code lsl.type}).
 * Lists are copied and unmodifiable; {@code latency}, {@code unverified} and {@code sources} are never
 * {@code null}.
 *
 * @param id stable identifier used on the command line, e.g. {@code openbci-cyton}
 * @param name human-readable model name
 * @param vendor manufacturer
 * @param modality EEG, intracortical or synthetic
 * @param channels the primary stream's channels in stream order, auxiliary channels included
 * @param samplingRatesHz every supported nominal rate of the primary stream, hertz
 * @param defaultRateHz the rate used unless configured otherwise, hertz
 * @param microvoltsPerCount size of one ADC step in microvolts (the quantisation step). Streams already
 *     carry the unit given per channel, so this is for adapters that read raw counts and for noise-floor
 *     checks; {@code null} when the device or its SDK reports it per channel at run time
 * @param adcBits ADC resolution in bits, {@code null} when unpublished
 * @param reference the hardware reference scheme
 * @param transports links the device can use, preferred first
 * @param lsl how the device's LSL app names its primary stream
 * @param latency the known device delay; absent reads as "unknown"
 * @param mainsNotchHz recommended mains notch frequency, hertz; {@code null} when the device filters mains
 *     itself or the signal needs none
 * @param expectedChunkSamples samples per chunk the device or its app usually sends at the default rate,
 *     {@code null} if unknown or configurable without a default
 * @param counterChannel label of the channel carrying a sample counter for loss detection, or {@code null}
 * @param brainflowBoardId BrainFlow {@code BoardIds} number for adapters that read through BrainFlow, or
 *     {@code null}; BrainFlow's row layout can differ from {@code channels} when those follow an LSL app
 * @param unverified names of fields whose values are not confirmed by a source (vendor manual still to
 *     check)
 * @param sources citations for the numbers (keys of the source list in {@code docs/devices.md}, or URLs)
 */
public record DeviceProfile(
        @JsonRequired String id,
        @JsonRequired String name,
        @JsonRequired String vendor,
        @JsonRequired Modality modality,
        @JsonRequired List<ChannelSpec> channels,
        @JsonRequired List<Double> samplingRatesHz,
        @JsonRequired double defaultRateHz,
        Double microvoltsPerCount,
        Integer adcBits,
        @JsonRequired ReferenceScheme reference,
        @JsonRequired List<Transport> transports,
        @JsonRequired LslConvention lsl,
        DeviceLatency latency,
        Double mainsNotchHz,
        Integer expectedChunkSamples,
        String counterChannel,
        Integer brainflowBoardId,
        List<String> unverified,
        List<String> sources) implements java.io.Serializable {

    /** Field names an {@code unverified} entry may use: every component, and nested components dotted. */
    private static final Set<String> FIELD_PATHS = fieldPaths();

    /** Checks the invariants above and copies the lists. */
    public DeviceProfile {
        require(id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*"), String.valueOf(id),
                "id must be lower-case kebab case (a-z, 0-9, single hyphens), got '%s'", id);
        String where = id;
        require(name != null && !name.isBlank(), where, "name is missing");
        require(vendor != null && !vendor.isBlank(), where, "vendor is missing");
        require(modality != null, where, "modality is missing");
        require(channels != null && !channels.isEmpty(), where, "has no channels");
        channels = copyWithoutNulls(channels, where, "channels");
        require(channels.stream().anyMatch(c -> c.type().isNeural()), where,
                "has no neural (EEG/EXG/SPIKES/LFP) channel among its %d channels", channels.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            Integer previous = firstIndex.putIfAbsent(channels.get(i).label().toLowerCase(Locale.ROOT), i);
            require(previous == null, where, "channel label '%s' is used twice (channels[%d] and channels[%d]); "
                    + "labels must be unique, ignoring case", channels.get(i).label(), previous, i);
        }
        require(samplingRatesHz != null && !samplingRatesHz.isEmpty(), where, "samplingRatesHz is empty");
        samplingRatesHz = copyWithoutNulls(samplingRatesHz, where, "samplingRatesHz");
        Set<Double> seenRates = new HashSet<>();
        for (double rate : samplingRatesHz) {
            require(rate > 0 && !Double.isInfinite(rate), where, "sampling rate %s Hz is not a finite positive number", number(rate));
            require(seenRates.add(rate), where, "samplingRatesHz lists %s Hz twice", number(rate));
        }
        double chosen = defaultRateHz;
        require(seenRates.contains(chosen), where, "defaultRateHz %s is not among samplingRatesHz %s",
                number(defaultRateHz), numbers(samplingRatesHz));
        require(microvoltsPerCount == null || (microvoltsPerCount > 0 && !microvoltsPerCount.isInfinite()), where,
                "microvoltsPerCount must be finite and > 0, got %s", microvoltsPerCount);
        require(adcBits == null || (adcBits > 0 && adcBits <= 32), where, "adcBits must be in 1..32, got %s", adcBits);
        require(reference != null, where, "reference is missing");
        require(transports != null && !transports.isEmpty(), where, "transports is empty");
        transports = copyWithoutNulls(transports, where, "transports");
        require(lsl != null, where, "lsl is missing");
        latency = latency == null ? new DeviceLatency(null, "") : latency;
        require(mainsNotchHz == null || mainsNotchHz == 50.0 || mainsNotchHz == 60.0, where,
                "mainsNotchHz must be 50 or 60 (or absent), got %s", mainsNotchHz);
        require(expectedChunkSamples == null || expectedChunkSamples > 0, where,
                "expectedChunkSamples must be > 0, got %s", expectedChunkSamples);
        if (counterChannel != null) {
            String counter = counterChannel;
            ChannelSpec channel = channels.stream().filter(c -> c.label().equals(counter)).findFirst().orElse(null);
            require(channel != null, where, "counterChannel '%s' is not one of the %d channel labels", counter, channels.size());
            require(channel.type() == ChannelType.COUNTER, where, "counterChannel '%s' has type %s, expected COUNTER",
                    counter, channel.type());
        }
        unverified = unverified == null ? List.of() : copyWithoutNulls(unverified, where, "unverified");
        for (String field : unverified) {
            require(FIELD_PATHS.contains(field), where, "unverified entry '%s' is not a profile field; expected one of %s",
                    field, new TreeSet<>(FIELD_PATHS));
        }
        sources = sources == null ? List.of() : copyWithoutNulls(sources, where, "sources");
        for (String source : sources) {
            require(!source.isBlank(), where, "sources contains a blank entry");
        }
    }

    /** Number of channels in the primary stream, auxiliary channels included. */
    public int channelCount() {
        return channels.size();
    }

    /** Stream indices of the channels the decoding stages read (EEG, ExG, spikes, LFP), in stream order. */
    public int[] neuralChannelIndices() {
        return indicesWhere(true);
    }

    /** Stream indices of the auxiliary channels (motion, triggers, counters, ...), in stream order. */
    public int[] auxChannelIndices() {
        return indicesWhere(false);
    }

    /** Labels of the neural channels, in stream order. */
    public List<String> neuralChannelLabels() {
        List<String> labels = new ArrayList<>();
        for (ChannelSpec c : channels) {
            if (c.type().isNeural()) {
                labels.add(c.label());
            }
        }
        return List.copyOf(labels);
    }

    /** Stream index of the channel with this label, or -1. Labels compare case-insensitively. */
    public int indexOf(String label) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * This profile with the neural channels renamed, in stream order, everything else unchanged. Device
     * labels are often defaults rather than a physical fact (OpenBCI inputs are free wiring; amplifier
     * connectors label by cap), so a session states the montage it actually used.
     *
     * @param labels one label per neural channel, in stream order
     * @throws InvalidProfileException if the count differs from the number of neural channels or the new
     *     labels are blank or clash with each other or with an auxiliary channel
     */
    public DeviceProfile withNeuralChannelLabels(List<String> labels) {
        int[] neural = neuralChannelIndices();
        require(labels != null && labels.size() == neural.length, id,
                "withNeuralChannelLabels needs %d labels (one per neural channel), got %s",
                neural.length, labels == null ? null : labels.size());
        List<ChannelSpec> renamed = new ArrayList<>(channels);
        for (int k = 0; k < neural.length; k++) {
            ChannelSpec old = channels.get(neural[k]);
            String label = labels.get(k);
            require(label != null && !label.isBlank(), id, "new label %d (for channel '%s') is blank", k, old.label());
            renamed.set(neural[k], new ChannelSpec(label, old.type(), old.unit()));
        }
        return new DeviceProfile(id, name, vendor, modality, renamed, samplingRatesHz, defaultRateHz,
                microvoltsPerCount, adcBits, reference, transports, lsl, latency, mainsNotchHz,
                expectedChunkSamples, counterChannel, brainflowBoardId, unverified, sources);
    }

    private int[] indicesWhere(boolean neural) {
        return IntStream.range(0, channels.size())
                .filter(i -> channels.get(i).type().isNeural() == neural)
                .toArray();
    }

    /** A rate or scale without a trailing {@code .0}: {@code 250}, {@code 0.5}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String numbers(List<Double> values) {
        List<String> out = new ArrayList<>(values.size());
        for (double v : values) {
            out.add(number(v));
        }
        return out.toString();
    }

    private static <T> List<T> copyWithoutNulls(List<T> list, String profile, String field) {
        for (int i = 0; i < list.size(); i++) {
            require(list.get(i) != null, profile, "%s[%d] is null", field, i);
        }
        return List.copyOf(list);
    }

    private static Set<String> fieldPaths() {
        Set<String> paths = new HashSet<>();
        for (RecordComponent c : DeviceProfile.class.getRecordComponents()) {
            paths.add(c.getName());
        }
        Map<String, Class<? extends Record>> nested = Map.of(
                "channels", ChannelSpec.class, "reference", ReferenceScheme.class,
                "lsl", LslConvention.class, "latency", DeviceLatency.class);
        nested.forEach((prefix, type) -> Arrays.stream(type.getRecordComponents())
                .forEach(c -> paths.add(prefix + "." + c.getName())));
        return Set.copyOf(paths);
    }

    private static void require(boolean condition, String profile, String format, Object... args) {
        if (!condition) {
            throw new InvalidProfileException(profile, String.format(Locale.ROOT, format, args));
        }
    }
}
