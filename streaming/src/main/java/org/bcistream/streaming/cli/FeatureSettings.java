package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bcistream.decoders.features.FrequencyBand;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;

/**
 * The feature settings a model bundle records: the device profile and rate of the training data, the
 * decoding options given to {@code bcistream train} (so {@code run} can compute the same features), and for
 * the reader the band names. Stored as the bundle's {@code featureSettings} object.
 *
 * @param profileId the device profile of the training data
 * @param rateHz its sampling rate, hertz
 * @param options the decoding options given, by name without dashes (see {@link DecodingOptions#given()})
 */
record FeatureSettings(String profileId, double rateHz, Map<String, String> options) {

    /** The settings of a pipeline built from {@code options}. */
    static FeatureSettings of(SessionPipelineConfig config, DecodingOptions options) {
        return new FeatureSettings(config.profile().id(), config.rateHz(), options.given());
    }

    /** Reads what {@link #toJson} wrote; null if the bundle records no feature settings (e.g. an imported Φ). */
    static FeatureSettings fromJson(JsonNode json) {
        if (json == null || !json.hasNonNull("profile")) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        json.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new FeatureSettings(json.get("profile").asText(), json.path("rateHz").asDouble(), options);
    }

    /** The JSON object, with the band names of {@code config} for readers. */
    ObjectNode toJson(SessionPipelineConfig config) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("profile", profileId);
        json.put("rateHz", rateHz);
        ObjectNode given = json.putObject("options");
        options.forEach(given::put);
        json.put("windowSeconds", config.features().windowSeconds());
        json.put("hopSeconds", config.features().hopSeconds());
        var bands = json.putArray("bands");
        for (FrequencyBand band : config.features().bands()) {
            bands.add(band.name());
        }
        return json;
    }
}
