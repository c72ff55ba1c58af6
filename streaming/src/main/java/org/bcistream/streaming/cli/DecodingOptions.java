package org.bcistream.streaming.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.features.FrequencyBand;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.ReferenceMode;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.streaming.config.Durations;
import picocli.CommandLine.Option;

/**
 * The command-line options that configure the preprocessing and feature stages; unset options keep the
 * defaults of {@link PreprocessConfig#defaults} and {@link FeatureConfig#defaults}.
 */
final class DecodingOptions {
    @Option(names = "--reference", paramLabel = "<mode>",
            description = "Software re-reference: car (common average, default), mastoids (M1/M2, A1/A2 or TP9/TP10), none, or a channel label.")
    String reference;

    @Option(names = "--band-pass", paramLabel = "<low>-<high>",
            description = "Butterworth band-pass edges in Hz (e.g. 8-30); 'off' for none. Default 1-40 for EEG (capped at 0.9 x Nyquist).")
    String bandPass;

    @Option(names = "--filter-order", paramLabel = "<n>", description = "Butterworth order. Default 4.")
    Integer filterOrder;

    @Option(names = "--notch", paramLabel = "<Hz>", description = "Mains notch: 50, 60 or off. Default: the profile's recommendation.")
    String notch;

    @Option(names = "--window", paramLabel = "<duration>", description = "Feature window length, e.g. 1s or 500ms. Default 1s.")
    String window;

    @Option(names = "--hop", paramLabel = "<duration>", description = "Time between feature frames. Default 250ms.")
    String hop;

    @Option(names = "--bands", paramLabel = "<name:lo-hi,...>",
            description = "Band-power bands in Hz. Default theta:4-8,alpha:8-13,beta:13-30,gamma:30-40.")
    String bands;

    @Option(names = "--no-normalise", description = "Emit raw log band power instead of running z-scores.")
    boolean noNormalise;

    /**
     * The options given on the command line, by option name without the dashes (e.g. {@code band-pass} ->
     * {@code 8-30}), in a fixed order; what a model bundle records so a run computes the same features.
     */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "reference", reference);
        put(given, "band-pass", bandPass);
        put(given, "filter-order", filterOrder == null ? null : filterOrder.toString());
        put(given, "notch", notch);
        put(given, "window", window);
        put(given, "hop", hop);
        put(given, "bands", bands);
        if (noNormalise) {
            given.put("no-normalise", "true");
        }
        return given;
    }

    /**
     * Takes every option not given on the command line from {@code recorded} (as {@link #given()} wrote it).
     *
     * @return the options taken, for telling the user
     * @throws IllegalArgumentException for an option name this build does not know
     */
    Map<String, String> defaultTo(Map<String, String> recorded) {
        Map<String, String> taken = new LinkedHashMap<>();
        Map<String, String> mine = given();
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            if (mine.containsKey(e.getKey())) {
                continue;
            }
            String value = e.getValue();
            switch (e.getKey()) {
                case "reference" -> reference = value;
                case "band-pass" -> bandPass = value;
                case "filter-order" -> filterOrder = (int) number(value, "--filter-order");
                case "notch" -> notch = value;
                case "window" -> window = value;
                case "hop" -> hop = value;
                case "bands" -> bands = value;
                case "no-normalise" -> noNormalise = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("the model records feature option --" + e.getKey()
                        + ", which this version does not know");
            }
            taken.put(e.getKey(), value);
        }
        return taken;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The pipeline settings for a profile at its default rate, with these options applied. */
    SessionPipelineConfig toConfig(DeviceProfile profile) {
        return toConfig(profile, profile.defaultRateHz());
    }

    /** The pipeline settings for a profile's streams at {@code rate} hertz, with these options applied. */
    SessionPipelineConfig toConfig(DeviceProfile profile, double rate) {
        PreprocessConfig pre = PreprocessConfig.defaults(profile, rate);
        if (reference != null) {
            pre = pre.withReference(parseReference(reference));
        }
        if (bandPass != null || filterOrder != null) {
            int order = filterOrder != null ? filterOrder : pre.bandPassOrder();
            if (bandPass == null) {
                pre = pre.withBandPass(pre.bandPassLowHz(), pre.bandPassHighHz(), order);
            } else if (bandPass.equalsIgnoreCase("off")) {
                pre = pre.withBandPass(null, null, order);
            } else {
                double[] edges = range(bandPass, "--band-pass");
                pre = pre.withBandPass(edges[0], edges[1], order);
            }
        }
        if (notch != null) {
            pre = pre.withNotch(notch.equalsIgnoreCase("off") ? null : number(notch, "--notch"), pre.notchQuality());
        }
        pre.validateFor(rate);
        FeatureConfig features = FeatureConfig.defaults();
        if (window != null || hop != null) {
            features = features.withWindow(
                    window == null ? features.windowSeconds() : Durations.seconds(Durations.parse(window)),
                    hop == null ? features.hopSeconds() : Durations.seconds(Durations.parse(hop)));
        }
        if (bands != null) {
            features = features.withBands(parseBands(bands));
        }
        if (noNormalise) {
            features = features.withNormalization(false, features.forgettingFactor(), 0);
        }
        return new SessionPipelineConfig(profile, rate, pre, features);
    }

    static ReferenceMode parseReference(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "car", "average", "common-average" -> ReferenceMode.commonAverage();
            case "mastoids", "linked-mastoids" -> ReferenceMode.linkedMastoids();
            case "none" -> ReferenceMode.none();
            default -> ReferenceMode.channel(text);
        };
    }

    static List<FrequencyBand> parseBands(String text) {
        List<FrequencyBand> result = new ArrayList<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--bands: '" + part + "' is not name:low-high (e.g. alpha:8-13)");
            }
            double[] edges = range(part.substring(colon + 1), "--bands " + part.substring(0, colon));
            result.add(new FrequencyBand(part.substring(0, colon).trim(), edges[0], edges[1]));
        }
        return result;
    }

    private static double[] range(String text, String option) {
        String[] parts = text.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not low-high in Hz (e.g. 8-30)");
        }
        return new double[] {number(parts[0], option), number(parts[1], option)};
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a number", e);
        }
    }
}
