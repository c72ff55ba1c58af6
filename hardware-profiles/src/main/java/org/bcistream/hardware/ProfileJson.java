package org.bcistream.hardware;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one device profile from JSON, strictly: unknown, missing, {@code null} (where required) and
 * mistyped fields are errors, numbers are not read from strings nor integers from fractions, enums only
 * from their names, lists may not hold {@code null}, and duplicate keys are rejected. Every error becomes an
 * {@link InvalidProfileException} naming the source, the JSON path, the line and column, and what was
 * expected. Input over {@link DeviceProfiles#MAX_PROFILE_BYTES} is rejected before parsing.
 *
 * <p>Unknown fields are found by a first streaming pass that walks the document against the record
 * components of {@link DeviceProfile} and its nested records, so a misspelt field is reported as such
 * (with a suggestion) rather than as the required field it was meant to be.
 */
final class ProfileJson {
    private static final ObjectMapper MAPPER = strictMapper();
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'.*", Pattern.DOTALL);

    private ProfileJson() {}

    /**
     * Reads a profile from a stream, reading at most {@link DeviceProfiles#MAX_PROFILE_BYTES} + 1 bytes.
     *
     * @param in the JSON; not closed
     * @param source the resource or file name, used in messages
     */
    static DeviceProfile read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(DeviceProfiles.MAX_PROFILE_BYTES + 1);
        if (bytes.length > DeviceProfiles.MAX_PROFILE_BYTES) {
            throw tooLarge(source, "more than " + DeviceProfiles.MAX_PROFILE_BYTES);
        }
        return read(bytes, source);
    }

    static InvalidProfileException tooLarge(String source, String size) {
        return new InvalidProfileException(source, String.format(Locale.ROOT,
                "file is too large: %s bytes, the limit is %d bytes (1 MiB); a profile is a few kilobytes",
                size, DeviceProfiles.MAX_PROFILE_BYTES));
    }

    static DeviceProfile read(byte[] json, String source) {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidProfileException(source, "file is empty; expected a JSON object");
        }
        try {
            try (JsonParser parser = MAPPER.createParser(json)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    checkFieldNames(parser, DeviceProfile.class, "$", source);
                }
            }
            return MAPPER.readValue(json, DeviceProfile.class);
        } catch (JsonMappingException e) {
            throw new InvalidProfileException(source, describe(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidProfileException(source, "not valid JSON" + at(null, e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidProfileException(source, "could not be read: " + e.getMessage(), e);
        }
    }

    /** Walks one object (the parser is on its START_OBJECT) and rejects field names the record lacks. */
    private static void checkFieldNames(JsonParser p, Class<?> record, String path, String source) throws IOException {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            fields.put(c.getName(), c.getGenericType());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Type type = fields.get(name);
            if (type == null) {
                throw new InvalidProfileException(source, unknownField(name, path + "." + name, p.currentTokenLocation(), fields));
            }
            p.nextToken();
            checkValue(p, type, path + "." + name, source);
        }
    }

    private static void checkValue(JsonParser p, Type type, String path, String source) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT && type instanceof Class<?> c && c.isRecord()) {
            checkFieldNames(p, c, path, source);
        } else if (token == JsonToken.START_ARRAY && type instanceof ParameterizedType list
                && list.getRawType() == List.class) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                checkValue(p, list.getActualTypeArguments()[0], path + "[" + index++ + "]", source);
            }
        } else {
            p.skipChildren();
        }
    }

    private static String unknownField(String name, String path, JsonLocation location, Map<String, Type> fields) {
        String closest = fields.keySet().stream()
                .min(Comparator.comparingInt(known -> DeviceProfiles.editDistance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT))))
                .orElseThrow();
        int distance = DeviceProfiles.editDistance(name.toLowerCase(Locale.ROOT), closest.toLowerCase(Locale.ROOT));
        String hint = distance <= Math.max(1, name.length() / 3) ? "; did you mean '" + closest + "'?" : ";";
        return String.format(Locale.ROOT, "unknown field '%s'%s%s known fields: %s", name, at(path, location), hint, fields.keySet());
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        JsonLocation location = e.getLocation();
        if (e instanceof InvalidNullException n) {
            if (path.endsWith("]")) {
                return String.format(Locale.ROOT, "null element%s; lists may not contain null", at(path, location));
            }
            return String.format(Locale.ROOT, "required field '%s' is null%s; expected %s",
                    n.getPropertyName().getSimpleName(), at(path, location), expected(n.getTargetType()));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = constructorFailure(e);
            String problem = cause instanceof InvalidProfileException ip ? ip.problem() : cause.getMessage();
            return problem + " (" + at(path, location).strip().replace(" (", ", ").replace(")", "") + ")";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return String.format(Locale.ROOT, "%s is not a valid value%s; expected %s",
                    quote(f.getValue()), at(path, location), expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            Matcher missing = MISSING.matcher(e.getOriginalMessage());
            if (missing.matches()) {
                String field = missing.group(1);
                String parent = path.endsWith("." + field) ? path.substring(0, path.length() - field.length() - 1) : path;
                return String.format(Locale.ROOT, "required field '%s' is missing from the object at %s",
                        field, at(parent, location).replace(" at ", ""));
            }
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                return String.format(Locale.ROOT, "unexpected content after the profile object%s; a file holds exactly one profile",
                        at(null, location));
            }
            if (m.getTargetType() != null) {
                return String.format(Locale.ROOT, "wrong type%s: expected %s%s", at(path, location),
                        expected(m.getTargetType()), found(m));
            }
        }
        return "invalid" + at(path, location) + ": " + e.getOriginalMessage();
    }

    /** The exception a record constructor threw, skipping Jackson's wrappers. */
    private static Throwable constructorFailure(JsonMappingException e) {
        Throwable cause = e;
        while (cause instanceof JsonProcessingException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** What a JSON value for this Java type must look like, in the file's terms. */
    private static String expected(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isEnum()) {
                return "one of " + Arrays.stream(c.getEnumConstants()).map(Object::toString).collect(Collectors.toList());
            }
            if (c == String.class) {
                return "a string";
            }
            if (c == Integer.class || c == int.class) {
                return "an integer";
            }
            if (c == Double.class || c == double.class) {
                return "a number";
            }
            if (List.class.isAssignableFrom(c)) {
                return "an array";
            }
            if (c.isRecord()) {
                return "an object with fields " + Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
            }
            return c.getSimpleName();
        }
        return type.getTypeName();
    }

    /** {@code , found a string} from the parser's current token, or empty. */
    private static String found(MismatchedInputException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        String kind = switch (parser.currentToken()) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "";
        };
        return kind.isEmpty() ? "" : ", found " + kind;
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String at(String path, JsonLocation location) {
        StringBuilder out = new StringBuilder();
        if (path != null && !path.isEmpty()) {
            out.append(" at ").append(path);
        }
        if (location != null && location.getLineNr() > 0) {
            out.append(String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr()));
        }
        return out.toString();
    }

    /** A JSON path such as {@code $.channels[3].type}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Strings stay strings: no 5 -> "5", no true -> "true".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }
}
