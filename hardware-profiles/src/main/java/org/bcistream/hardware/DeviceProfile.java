package org.bcistream.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine knows about one acquisition device: the channels of its primary stream, its
 * sampling rates, how counts become microvolts, its hardware reference, transport, LSL naming, known
 * latency and the recommended mains notch.
 *
 * <p>Immutable. Invariants (checked on construction, with messages that name the field and the value):
 * {@code id} is lower-case kebab case; at least one channel and one neural channel; channel labels are
 * unique; {@code defaultRateHz} is one of {@code samplingRatesHz}, all rates are finite and positive;
 * {@code microvoltsPerCount}, when known, is finite and positive; {@code mainsNotchHz}, when set, is 50 or
 * 60.
 *
 * @param id stable identifier used on the command line, e.g. {@code openbci-cyton}
 * @param name human-readable model name
 * @param vendor manufacturer
 * @param modality EEG, intracortical or synthetic
 * @param channels the primary stream's channels in stream order, auxiliary channels included
 * @param samplingRatesHz every supported nominal rate, hertz
 * @param defaultRateHz the rate used unless configured otherwise, hertz
 * @param microvoltsPerCount scale from ADC counts to microvolts; {@code null} when the device or its SDK
 *     reports it per channel at run time
 * @param adcBits ADC resolution in bits, {@code null} when unpublished
 * @param reference the hardware reference scheme
 * @param transports links the device can use, preferred first
 * @param lsl how the device's LSL app names its stream
 * @param latency the known device delay
 * @param mainsNotchHz recommended mains notch frequency, hertz; {@code null} when the device filters mains
 *     itself or the signal needs none
 * @param expectedChunkSamples samples per chunk the device or its app usually sends, {@code null} if unknown
 * @param counterChannel label of the channel carrying a sample counter for loss detection, or {@code null}
 * @param brainflowBoardId BrainFlow {@code BoardIds} number, or {@code null}
 * @param unverified names of fields whose values are not confirmed by a source (vendor manual still to check)
 * @param sources citations for the numbers
 */
public record DeviceProfile(
        String id,
        String name,
        String vendor,
        Modality modality,
        List<ChannelSpec> channels,
        List<Double> samplingRatesHz,
        double defaultRateHz,
        Double microvoltsPerCount,
        Integer adcBits,
        ReferenceScheme reference,
        List<Transport> transports,
        LslConvention lsl,
        DeviceLatency latency,
        Double mainsNotchHz,
        Integer expectedChunkSamples,
        String counterChannel,
        Integer brainflowBoardId,
        List<String> unverified,
        List<String> sources) {

    public DeviceProfile {
        require(id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "id", "must be lower-case kebab case, got '%s'", id);
        String where = id;
        require(name != null && !name.isBlank(), where, "name is missing");
        require(vendor != null && !vendor.isBlank(), where, "vendor is missing");
        require(modality != null, where, "modality is missing");
        require(channels != null && !channels.isEmpty(), where, "has no channels");
        channels = List.copyOf(channels);
        require(channels.stream().anyMatch(c -> c.type().isNeural()), where, "has no neural (EEG/EXG/SPIKES/LFP) channel");
        long distinct = channels.stream().map(ChannelSpec::label).distinct().count();
        require(distinct == channels.size(), where, "channel labels are not unique (%d labels, %d distinct)", channels.size(), distinct);
        require(samplingRatesHz != null && !samplingRatesHz.isEmpty(), where, "samplingRatesHz is empty");
        samplingRatesHz = List.copyOf(samplingRatesHz);
        for (Double rate : samplingRatesHz) {
            require(rate != null && rate > 0 && !rate.isInfinite(), where, "sampling rate %s Hz is not a finite positive number", rate);
        }
        double chosen = defaultRateHz;
        require(samplingRatesHz.stream().anyMatch(r -> r == chosen), where, "defaultRateHz %s is not among samplingRatesHz %s", defaultRateHz, samplingRatesHz);
        require(microvoltsPerCount == null || (microvoltsPerCount > 0 && !microvoltsPerCount.isInfinite()), where,
                "microvoltsPerCount must be finite and > 0, got %s", microvoltsPerCount);
        require(adcBits == null || (adcBits > 0 && adcBits <= 32), where, "adcBits must be in 1..32, got %s", adcBits);
        require(reference != null, where, "reference is missing");
        require(transports != null && !transports.isEmpty(), where, "transports is empty");
        transports = List.copyOf(transports);
        require(lsl != null, where, "lsl is missing");
        latency = latency == null ? new DeviceLatency(null, "") : latency;
        require(mainsNotchHz == null || mainsNotchHz == 50.0 || mainsNotchHz == 60.0, where, "mainsNotchHz must be 50 or 60, got %s", mainsNotchHz);
        require(expectedChunkSamples == null || expectedChunkSamples > 0, where, "expectedChunkSamples must be > 0, got %s", expectedChunkSamples);
        if (counterChannel != null) {
            String counter = counterChannel;
            require(channels.stream().anyMatch(c -> c.label().equals(counter)), where, "counterChannel '%s' is not one of the channels", counter);
        }
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        sources = sources == null ? List.of() : List.copyOf(sources);
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

    private int[] indicesWhere(boolean neural) {
        return java.util.stream.IntStream.range(0, channels.size())
                .filter(i -> channels.get(i).type().isNeural() == neural)
                .toArray();
    }

    private static void require(boolean condition, String profile, String format, Object... args) {
        if (!condition) {
            throw new InvalidProfileException(profile, String.format(java.util.Locale.ROOT, format, args));
        }
    }
}
