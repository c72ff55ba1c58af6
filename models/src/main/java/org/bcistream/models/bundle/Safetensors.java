package org.bcistream.models.bundle;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The contents of one safetensors file (<a href="https://github.com/huggingface/safetensors">format</a>):
 * named tensors plus the optional string-to-string {@code __metadata__}. Immutable.
 *
 * <pre>
 * offset      size  field
 * 0           8     N, the header length in bytes (unsigned little-endian)
 * 8           N     header: UTF-8 JSON object, padded with spaces so that 8 + N is a multiple of 8
 *                   {"__metadata__": {str: str}, name: {"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]}, ...}
 * 8 + N       rest  data buffer; tensor bytes at [b, e) relative to its start, little-endian, row-major
 * </pre>
 *
 * <p>Reading refuses, before allocating tensor memory: a header longer than {@link #MAX_HEADER_BYTES} or
 * than the file, a data buffer over {@link #MAX_DATA_BYTES}, JSON that is not strict UTF-8 or has duplicate
 * keys, dtypes other than {@link DType}'s, an entry whose byte range is not {@code product(shape) *
 * dtype size} (overflow-checked), ranges outside the buffer, overlapping, or leaving bytes unused. Writing
 * orders tensors by element size (largest first) then name, as the reference implementation does, so 8-byte
 * elements stay 8-byte aligned in the file.
 */
public final class Safetensors {
    /** The largest header accepted, in bytes (the reference implementation's limit). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    /** The largest data buffer accepted, in bytes: 1 GiB, far above this project's models. */
    public static final long MAX_DATA_BYTES = 1L << 30;

    private final SortedMap<String, Tensor> tensors;
    private final SortedMap<String, String> metadata;
    /** Tensors in file order. */
    private final List<Tensor> dataOrder;
    /** The padded header as written. */
    private final byte[] header;

    private Safetensors(SortedMap<String, Tensor> tensors, SortedMap<String, String> metadata) {
        this.tensors = Collections.unmodifiableSortedMap(tensors);
        this.metadata = Collections.unmodifiableSortedMap(metadata);
        this.dataOrder = SafetensorsWriter.dataOrder(tensors.values());
        long dataBytes = dataOrder.stream().mapToLong(t -> t.littleEndianBytes().length).sum();
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the tensors hold %d bytes; a safetensors file holds at most %d (1 GiB)", dataBytes, MAX_DATA_BYTES));
        }
        this.header = SafetensorsWriter.header(dataOrder, metadata);
        if (header.length > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the header would be %d bytes; at most %d are allowed", header.length, MAX_HEADER_BYTES));
        }
    }

    /**
     * Tensors with metadata.
     *
     * @param metadata string-to-string pairs stored as {@code __metadata__}; may be empty
     * @param tensors tensors with distinct names
     * @throws IllegalArgumentException on duplicate names or nulls, or beyond the size limits
     */
    public static Safetensors of(Map<String, String> metadata, Collection<Tensor> tensors) {
        SortedMap<String, Tensor> byName = new TreeMap<>();
        for (Tensor t : tensors) {
            if (byName.put(Objects.requireNonNull(t, "tensor").name(), t) != null) {
                throw new IllegalArgumentException("two tensors are named '" + t.name() + "'");
            }
        }
        SortedMap<String, String> pairs = new TreeMap<>();
        metadata.forEach((key, value) -> pairs.put(Objects.requireNonNull(key, "metadata key"),
                Objects.requireNonNull(value, () -> "metadata value of '" + key + "'")));
        return new Safetensors(byName, pairs);
    }

    /** Tensors with distinct names and no metadata. */
    public static Safetensors of(Tensor... tensors) {
        return of(Map.of(), Arrays.asList(tensors));
    }

    /**
     * Reads and validates a safetensors file.
     *
     * @throws BundleFormatException if the file is malformed, naming the file, the tensor and the numbers
     */
    public static Safetensors read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, file.toString());
        }
    }

    /**
     * Reads and validates a safetensors file of exactly {@code size} bytes from a stream (not closed).
     *
     * @param source names the file in messages
     * @throws BundleFormatException if the content is malformed or the stream does not hold {@code size} bytes
     */
    public static Safetensors read(InputStream in, long size, String source) throws IOException {
        SafetensorsReader.Parsed parsed = SafetensorsReader.read(in, size, source);
        try {
            return of(parsed.metadata(), parsed.tensors());
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(source, e.getMessage(), e);
        }
    }

    /** Writes the file, replacing any existing one. */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out);
        }
    }

    /** Writes the file's bytes to a stream (not closed). */
    public void write(OutputStream out) throws IOException {
        SafetensorsWriter.write(out, header, dataOrder);
    }

    /** The tensors by name, sorted by name; unmodifiable. */
    public SortedMap<String, Tensor> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} pairs, sorted by key; unmodifiable, empty if none. */
    public SortedMap<String, String> metadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Safetensors s && tensors.equals(s.tensors) && metadata.equals(s.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tensors, metadata);
    }

    /** The tensors and the metadata keys. */
    @Override
    public String toString() {
        return "Safetensors" + tensors.values() + " metadata " + metadata.keySet();
    }
}
