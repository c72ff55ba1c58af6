package org.bcistream.models.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates and reads a safetensors stream: header length, header JSON, every entry, then the layout of
 * the data buffer, and only then reads tensor bytes. See {@link Safetensors} for the rules.
 */
final class SafetensorsReader {
    private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

    /** What the header says about one tensor; offsets are relative to the data buffer. */
    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
        String range() {
            return "[" + begin + ", " + end + ")";
        }
    }

    /** The validated contents. */
    record Parsed(Map<String, String> metadata, List<Tensor> tensors) {}

    private SafetensorsReader() {}

    static Parsed read(InputStream in, long size, String source) throws IOException {
        if (size < Long.BYTES) {
            throw fail(source, "is %d bytes long; a safetensors file starts with an 8-byte header length", size);
        }
        long headerLength = ByteBuffer.wrap(readExactly(in, Long.BYTES, source, 0, "the header length"))
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 0 || headerLength > Safetensors.MAX_HEADER_BYTES) {
            throw fail(source, "header length %s exceeds the limit of %d bytes", Long.toUnsignedString(headerLength),
                    Safetensors.MAX_HEADER_BYTES);
        }
        if (headerLength > size - Long.BYTES) {
            throw fail(source, "header length %d runs past the end of the file: only %d bytes follow the 8-byte length",
                    headerLength, size - Long.BYTES);
        }
        byte[] header = readExactly(in, (int) headerLength, source, Long.BYTES, "the header");
        if (header.length == 0 || header[0] != '{') {
            throw fail(source, "header does not start with '{'; this is not a safetensors file");
        }
        long bufferLength = size - Long.BYTES - headerLength;
        if (bufferLength > Safetensors.MAX_DATA_BYTES) {
            throw fail(source, "data buffer is %d bytes; at most %d (1 GiB) are accepted", bufferLength,
                    Safetensors.MAX_DATA_BYTES);
        }
        Map<String, String> metadata = new TreeMap<>();
        List<Entry> entries = parseHeader(StrictJson.parseObject(header, source, "header"), metadata, source);
        checkLayout(entries, bufferLength, source);

        List<Tensor> tensors = new ArrayList<>(entries.size());
        long position = Long.BYTES + headerLength;
        for (Entry e : entries) {
            byte[] bytes = readExactly(in, (int) (e.end() - e.begin()), source, position, "tensor '" + e.name() + "'");
            position += bytes.length;
            tensors.add(Tensor.wrap(e.name(), e.dtype(), e.shape(), bytes));
        }
        if (in.read() != -1) {
            throw fail(source, "holds more than its declared %d bytes", size);
        }
        return new Parsed(metadata, tensors);
    }

    private static List<Entry> parseHeader(JsonNode root, Map<String, String> metadata, String source)
            throws BundleFormatException {
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(Tensor.METADATA_KEY)) {
                parseMetadata(field.getValue(), metadata, source);
            } else {
                entries.add(parseEntry(field.getKey(), field.getValue(), source));
            }
        }
        return entries;
    }

    private static void parseMetadata(JsonNode node, Map<String, String> metadata, String source)
            throws BundleFormatException {
        if (!node.isObject()) {
            throw fail(source, "%s must be an object of strings; found %s", Tensor.METADATA_KEY, StrictJson.describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            if (!pair.getValue().isTextual()) {
                throw fail(source, "%s value of '%s' must be a string; found %s", Tensor.METADATA_KEY, pair.getKey(),
                        StrictJson.describe(pair.getValue()));
            }
            metadata.put(pair.getKey(), pair.getValue().textValue());
        }
    }

    private static Entry parseEntry(String name, JsonNode node, String source) throws BundleFormatException {
        if (name.isEmpty()) {
            throw fail(source, "a tensor has an empty name");
        }
        if (!node.isObject()) {
            throw fail(source, "tensor '%s' must be an object with dtype, shape and data_offsets; found %s", name,
                    StrictJson.describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ENTRY_FIELDS.contains(field)) {
                throw fail(source, "tensor '%s' has unknown field '%s'; expected dtype, shape and data_offsets", name, field);
            }
        }
        JsonNode dtypeNode = required(node, "dtype", name, source);
        if (!dtypeNode.isTextual()) {
            throw fail(source, "tensor '%s' dtype must be a string; found %s", name, StrictJson.describe(dtypeNode));
        }
        DType dtype = DType.fromName(dtypeNode.textValue()).orElseThrow(() -> fail(source,
                "tensor '%s' has dtype '%s', which is not supported; supported: %s", name, dtypeNode.textValue(),
                Arrays.toString(DType.values())));
        int[] shape = parseShape(name, required(node, "shape", name, source), source);
        JsonNode offsets = required(node, "data_offsets", name, source);
        if (!offsets.isArray() || offsets.size() != 2) {
            throw fail(source, "tensor '%s' data_offsets must be an array [begin, end]; found %s", name,
                    offsets.isArray() ? "an array of " + offsets.size() : StrictJson.describe(offsets));
        }
        long begin = nonNegativeLong(offsets.get(0), name, "data_offsets[0]", source);
        long end = nonNegativeLong(offsets.get(1), name, "data_offsets[1]", source);
        if (end < begin) {
            throw fail(source, "tensor '%s' data_offsets [%d, %d) end before they begin", name, begin, end);
        }
        long bytes = byteSize(name, dtype, shape, source);
        if (bytes != end - begin) {
            throw fail(source, "tensor '%s' is %s %s: %d bytes, but data_offsets [%d, %d) span %d bytes",
                    name, dtype, Arrays.toString(shape), bytes, begin, end, end - begin);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static JsonNode required(JsonNode entry, String field, String name, String source) throws BundleFormatException {
        JsonNode value = entry.get(field);
        if (value == null) {
            throw fail(source, "tensor '%s' has no %s", name, field);
        }
        return value;
    }

    private static int[] parseShape(String name, JsonNode node, String source) throws BundleFormatException {
        if (!node.isArray()) {
            throw fail(source, "tensor '%s' shape must be an array of dimensions; found %s", name, StrictJson.describe(node));
        }
        if (node.size() > Tensor.MAX_RANK) {
            throw fail(source, "tensor '%s' shape has %d dimensions; at most %d are supported", name, node.size(),
                    Tensor.MAX_RANK);
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            long dim = nonNegativeLong(node.get(i), name, "shape[" + i + "]", source);
            if (dim > Integer.MAX_VALUE) {
                throw fail(source, "tensor '%s' shape[%d] is %d; at most %d is supported", name, i, dim, Integer.MAX_VALUE);
            }
            shape[i] = (int) dim;
        }
        return shape;
    }

    /** {@code product(shape) * dtype size}, overflow-checked. */
    private static long byteSize(String name, DType dtype, int[] shape, String source) throws BundleFormatException {
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            return 0;
        }
        try {
            long bytes = dtype.byteSize();
            for (int dim : shape) {
                bytes = Math.multiplyExact(bytes, dim);
            }
            return bytes;
        } catch (ArithmeticException e) {
            throw fail(source, "tensor '%s' shape %s times %d bytes overflows a 64-bit size", name, Arrays.toString(shape),
                    dtype.byteSize());
        }
    }

    private static long nonNegativeLong(JsonNode node, String name, String field, String source) throws BundleFormatException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw fail(source, "tensor '%s' %s must be an integer in [0, 2^63); found %s", name, field,
                    StrictJson.describe(node));
        }
        return node.longValue();
    }

    /** Sorts by offset and checks that the ranges tile {@code [0, bufferLength)} exactly. */
    private static void checkLayout(List<Entry> entries, long bufferLength, String source) throws BundleFormatException {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        Entry previous = null;
        long covered = 0;
        for (Entry e : entries) {
            if (e.end() > bufferLength) {
                throw fail(source, "tensor '%s' data_offsets %s run past the end of the %d-byte data buffer",
                        e.name(), e.range(), bufferLength);
            }
            if (e.begin() < covered) {
                throw fail(source, "tensor '%s' bytes %s overlap tensor '%s' bytes %s", e.name(), e.range(),
                        previous.name(), previous.range());
            }
            if (e.begin() > covered) {
                throw fail(source, "bytes [%d, %d) of the data buffer belong to no tensor (gap before tensor '%s')",
                        covered, e.begin(), e.name());
            }
            covered = e.end();
            previous = e;
        }
        if (covered != bufferLength) {
            throw fail(source, "the tensors cover %d bytes but the data buffer after the header is %d bytes", covered,
                    bufferLength);
        }
    }

    private static byte[] readExactly(InputStream in, int length, String source, long position, String what)
            throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw fail(source, "is truncated: ends at byte %d inside %s (bytes [%d, %d))", position + bytes.length, what,
                    position, position + length);
        }
        return bytes;
    }

    private static BundleFormatException fail(String source, String format, Object... args) {
        return new BundleFormatException(source, String.format(Locale.ROOT, format, args));
    }
}
