package org.bcistream.models.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Lays out and writes safetensors files; see {@link Safetensors} for the layout. */
final class SafetensorsWriter {
    private SafetensorsWriter() {}

    /** Tensors in file order: larger elements first, then by name. */
    static List<Tensor> dataOrder(Collection<Tensor> tensors) {
        return tensors.stream()
                .sorted(Comparator.comparingInt((Tensor t) -> -t.dtype().byteSize()).thenComparing(Tensor::name))
                .toList();
    }

    /** The compact JSON header, {@code __metadata__} first, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(List<Tensor> dataOrder, Map<String, String> metadata) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!metadata.isEmpty()) {
            ObjectNode pairs = root.putObject(Tensor.METADATA_KEY);
            metadata.forEach(pairs::put);
        }
        long offset = 0;
        for (Tensor t : dataOrder) {
            ObjectNode entry = root.putObject(t.name());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            Arrays.stream(t.shape()).forEach(shape::add);
            long end = offset + t.littleEndianBytes().length;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    static void write(OutputStream out, byte[] header, List<Tensor> dataOrder) throws IOException {
        out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.write(header);
        for (Tensor t : dataOrder) {
            out.write(t.littleEndianBytes());
        }
    }
}
