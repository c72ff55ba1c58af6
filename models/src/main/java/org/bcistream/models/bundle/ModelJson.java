package org.bcistream.models.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code model.json} strictly: the format version is checked first (a newer bundle is
 * refused as such, not for its unknown fields), then unknown, missing and mistyped fields are refused with
 * their JSON path. See {@link ModelBundle} for the fields.
 */
final class ModelJson {
    private static final List<String> FIELDS =
            List.of("formatVersion", "kind", "hyperParameters", "shapes", "weightsSha256", "provenance");
    private static final List<String> PROVENANCE_FIELDS =
            List.of("seed", "dataFingerprint", "command", "createdBy", "notes");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The validated fields. */
    record Contents(int formatVersion, String kind, ObjectNode hyperParameters, Map<String, int[]> shapes,
            String weightsSha256, Provenance provenance) {}

    private ModelJson() {}

    static Contents read(byte[] bytes, String source) throws BundleFormatException {
        JsonNode root = StrictJson.parseObject(bytes, source, ModelBundle.MODEL_JSON);
        int version = formatVersion(root.get("formatVersion"), source);
        knownFields(root, FIELDS, "$", source);
        String kind = string(root, "kind", "$", source);
        JsonNode hyper = required(root, "hyperParameters", "$", source);
        if (!hyper.isObject()) {
            throw fail(source, "$.hyperParameters must be an object; found %s", StrictJson.describe(hyper));
        }
        Map<String, int[]> shapes = shapes(required(root, "shapes", "$", source), source);
        String sha = string(root, "weightsSha256", "$", source);
        if (!SHA256_HEX.matcher(sha).matches()) {
            throw fail(source, "$.weightsSha256 must be 64 lowercase hex digits; found \"%s\"", sha);
        }
        Provenance provenance = provenance(required(root, "provenance", "$", source), source);
        return new Contents(version, kind, (ObjectNode) hyper, shapes, sha, provenance);
    }

    /** The pretty-printed {@code model.json} of a bundle at the current format version, ending with a newline. */
    static byte[] write(ModelBundle bundle, String weightsSha256) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", ModelBundle.CURRENT_FORMAT_VERSION);
        root.put("kind", bundle.kind());
        root.set("hyperParameters", bundle.hyperParameters().json());
        ObjectNode shapes = root.putObject("shapes");
        for (Tensor t : bundle.weights().tensors().values()) {
            ArrayNode dims = shapes.putArray(t.name());
            Arrays.stream(t.shape()).forEach(dims::add);
        }
        root.put("weightsSha256", weightsSha256);
        Provenance p = bundle.provenance();
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("seed", p.seed());
        provenance.put("dataFingerprint", p.dataFingerprint());
        provenance.put("command", p.command());
        provenance.put("createdBy", p.createdBy());
        if (p.notes() != null) {
            provenance.put("notes", p.notes());
        }
        return (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static int formatVersion(JsonNode node, String source) throws BundleFormatException {
        if (node == null) {
            throw fail(source, "required field $.formatVersion is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(source, "$.formatVersion must be an integer; found %s", StrictJson.describe(node));
        }
        int version = node.intValue();
        if (version > ModelBundle.CURRENT_FORMAT_VERSION) {
            throw fail(source, "bundle format %d is newer than this build supports (%d); upgrade bcistream", version,
                    ModelBundle.CURRENT_FORMAT_VERSION);
        }
        if (version < 1) {
            throw fail(source, "bundle format %d is not a valid version; versions start at 1", version);
        }
        return version;
    }

    private static Map<String, int[]> shapes(JsonNode node, String source) throws BundleFormatException {
        if (!node.isObject()) {
            throw fail(source, "$.shapes must be an object of tensor name to dimensions; found %s", StrictJson.describe(node));
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "$.shapes." + e.getKey();
            JsonNode dims = e.getValue();
            if (!dims.isArray() || dims.size() > Tensor.MAX_RANK) {
                throw fail(source, "%s must be an array of at most %d dimensions; found %s", path, Tensor.MAX_RANK,
                        dims.isArray() ? "an array of " + dims.size() : StrictJson.describe(dims));
            }
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                JsonNode dim = dims.get(i);
                if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.intValue() < 0) {
                    throw fail(source, "%s[%d] must be an integer in [0, 2^31); found %s", path, i, StrictJson.describe(dim));
                }
                shape[i] = dim.intValue();
            }
            shapes.put(e.getKey(), shape);
        }
        return shapes;
    }

    private static Provenance provenance(JsonNode node, String source) throws BundleFormatException {
        if (!node.isObject()) {
            throw fail(source, "$.provenance must be an object; found %s", StrictJson.describe(node));
        }
        knownFields(node, PROVENANCE_FIELDS, "$.provenance", source);
        JsonNode seed = required(node, "seed", "$.provenance", source);
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw fail(source, "$.provenance.seed must be an integer in [-2^63, 2^63); found %s", StrictJson.describe(seed));
        }
        String notes = node.has("notes") ? string(node, "notes", "$.provenance", source) : null;
        try {
            return new Provenance(seed.longValue(), string(node, "dataFingerprint", "$.provenance", source),
                    string(node, "command", "$.provenance", source), string(node, "createdBy", "$.provenance", source),
                    notes);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(source, e.getMessage(), e);
        }
    }

    private static void knownFields(JsonNode object, List<String> known, String path, String source)
            throws BundleFormatException {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw fail(source, "unknown field %s.%s; known fields: %s", path, name, known);
            }
        }
    }

    private static JsonNode required(JsonNode object, String field, String path, String source) throws BundleFormatException {
        JsonNode value = object.get(field);
        if (value == null) {
            throw fail(source, "required field %s.%s is missing", path, field);
        }
        return value;
    }

    private static String string(JsonNode object, String field, String path, String source) throws BundleFormatException {
        JsonNode value = required(object, field, path, source);
        if (!value.isTextual()) {
            throw fail(source, "%s.%s must be a string; found %s", path, field, StrictJson.describe(value));
        }
        return value.textValue();
    }

    private static BundleFormatException fail(String source, String format, Object... args) {
        return new BundleFormatException(source, String.format(Locale.ROOT, format, args));
    }
}
