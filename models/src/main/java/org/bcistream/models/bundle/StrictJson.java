package org.bcistream.models.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses the JSON of safetensors headers and {@code model.json} strictly: UTF-8 only (checked before
 * parsing, so Jackson's UTF-16/32 detection never applies), duplicate keys and trailing content refused,
 * Jackson's default nesting, string and number length limits. Failures become {@link BundleFormatException}s.
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    /**
     * Decodes {@code bytes} as UTF-8 and parses one JSON object.
     *
     * @param what the document, for messages: {@code "header"}, {@code "model.json"}
     */
    static JsonNode parseObject(byte[] bytes, String source, String what) throws BundleFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BundleFormatException(source, what + " is not valid UTF-8", e);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BundleFormatException(source, what + " is not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new BundleFormatException(source, what + " must be a JSON object; found " + describe(node));
        }
        return node;
    }

    /**
     * {@code json} written out and parsed again: a deep copy whose node types are those a reader gets.
     *
     * @throws IllegalArgumentException if the text breaks the parser's limits (for example nesting deeper than 1000)
     */
    static ObjectNode reparse(ObjectNode json) {
        try {
            return (ObjectNode) MAPPER.readTree(json.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("this JSON could not be read back: " + e.getOriginalMessage(), e);
        }
    }

    /** What a JSON value is, for messages: {@code a string}, {@code the number 3.5}, ... */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the string \"" + node.textValue() + "\"";
        }
        if (node.isNumber()) {
            return (node.isIntegralNumber() ? "the integer " : "the number ") + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }
}
