package org.bcistream.models.bundle;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a {@link ModelBundle} from a directory or a zip with size limits: each file is read with at most
 * limit + 1 bytes in memory, whatever its declared size. Then {@code model.json} is validated (format
 * version first), the weights checksum compared, the safetensors content validated, and the shapes
 * cross-checked.
 */
final class BundleReader {
    static final BundleReader DEFAULT = new BundleReader(ModelBundle.MAX_MODEL_JSON_BYTES, ModelBundle.MAX_WEIGHTS_BYTES);

    private static final List<String> ENTRIES = List.of(ModelBundle.MODEL_JSON, ModelBundle.WEIGHTS);

    private final long maxModelJsonBytes;
    private final long maxWeightsBytes;

    /** Limits in bytes, each below {@link Integer#MAX_VALUE}; tests use small ones. */
    BundleReader(long maxModelJsonBytes, long maxWeightsBytes) {
        this.maxModelJsonBytes = maxModelJsonBytes;
        this.maxWeightsBytes = maxWeightsBytes;
    }

    ModelBundle read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return fromDirectory(path);
        }
        if (Files.isRegularFile(path)) {
            return fromZip(path);
        }
        throw new NoSuchFileException(path.toString(), null, "no model bundle here: expected a directory or a .zip file");
    }

    private ModelBundle fromDirectory(Path dir) throws IOException {
        byte[][] files = new byte[ENTRIES.size()][];
        for (int i = 0; i < files.length; i++) {
            Path file = dir.resolve(ENTRIES.get(i));
            if (!Files.isRegularFile(file)) {
                throw new BundleFormatException(dir.toString(), "bundle directory has no file " + ENTRIES.get(i));
            }
            long limit = limit(ENTRIES.get(i));
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(file.toString(), size, limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                files[i] = readBounded(in, limit, file.toString());
            }
        }
        return assemble(dir.toString(), files[0], files[1], dir.resolve(ENTRIES.get(0)).toString(),
                dir.resolve(ENTRIES.get(1)).toString());
    }

    private ModelBundle fromZip(Path zipFile) throws IOException {
        String zipName = zipFile.toString();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = checkEntryName(entry, zipName);
                if (entries.containsKey(name)) {
                    throw new BundleFormatException(zipName, "zip holds entry '" + name + "' twice");
                }
                String source = zipName + "!/" + name;
                if (entry.getSize() > limit(name)) {
                    throw tooLarge(source, entry.getSize(), limit(name));
                }
                entries.put(name, readBounded(zip, limit(name), source));
            }
        } catch (ZipException | EOFException e) {
            throw new BundleFormatException(zipName, "is not a readable zip file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's way of reporting an entry name that is not valid in the zip's charset
            throw new BundleFormatException(zipName,
                    "is not a readable zip file: an entry name is malformed (" + e.getMessage() + ")", e);
        }
        for (String required : ENTRIES) {
            if (!entries.containsKey(required)) {
                throw new BundleFormatException(zipName, entries.isEmpty()
                        ? "holds no zip entries; a bundle is a directory or a zip of " + ENTRIES
                        : "zip has no entry " + required + "; it has " + new TreeSet<>(entries.keySet()));
            }
        }
        return assemble(zipName, entries.get(ModelBundle.MODEL_JSON), entries.get(ModelBundle.WEIGHTS),
                zipName + "!/" + ModelBundle.MODEL_JSON, zipName + "!/" + ModelBundle.WEIGHTS);
    }

    /** The entry's name if it is one of the two bundle files at the zip's root. */
    private static String checkEntryName(ZipEntry entry, String zipName) throws BundleFormatException {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.indexOf('\0') >= 0
                || Arrays.asList(name.split("/")).contains("..")) {
            throw new BundleFormatException(zipName, String.format(Locale.ROOT,
                    "zip entry '%s' has an unsafe path (absolute, drive or '..': zip-slip)", name));
        }
        if (!ENTRIES.contains(name)) {
            throw new BundleFormatException(zipName, String.format(Locale.ROOT,
                    "zip entry '%s' is not allowed: a bundle zip holds only %s at its root, no directories", name, ENTRIES));
        }
        return name;
    }

    private ModelBundle assemble(String bundle, byte[] modelJson, byte[] weights, String modelJsonSource,
            String weightsSource) throws IOException {
        ModelJson.Contents json = ModelJson.read(modelJson, modelJsonSource);
        String actualSha = Sha256.hex(weights);
        if (!actualSha.equals(json.weightsSha256())) {
            throw new BundleFormatException(bundle, String.format(Locale.ROOT,
                    "%s sha-256 %s does not match %s weightsSha256 %s; the bundle was modified or corrupted",
                    ModelBundle.WEIGHTS, actualSha, ModelBundle.MODEL_JSON, json.weightsSha256()));
        }
        Safetensors tensors = Safetensors.read(new ByteArrayInputStream(weights), weights.length, weightsSource);
        checkShapes(json.shapes(), tensors, bundle);
        try {
            return ModelBundle.loaded(json.kind(), json.formatVersion(),
                    HyperParameters.read(json.hyperParameters(), bundle), json.provenance(), tensors, bundle);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(modelJsonSource, e.getMessage(), e);
        }
    }

    /** model.json's shapes and the safetensors header must name the same tensors with the same shapes. */
    private static void checkShapes(Map<String, int[]> declared, Safetensors tensors, String bundle)
            throws BundleFormatException {
        for (Map.Entry<String, int[]> e : declared.entrySet()) {
            Tensor t = tensors.tensors().get(e.getKey());
            if (t == null) {
                throw new BundleFormatException(bundle, String.format(Locale.ROOT,
                        "%s lists tensor '%s' with shape %s, but %s has no such tensor", ModelBundle.MODEL_JSON,
                        e.getKey(), Arrays.toString(e.getValue()), ModelBundle.WEIGHTS));
            }
            if (!t.hasShape(e.getValue())) {
                throw new BundleFormatException(bundle, String.format(Locale.ROOT,
                        "tensor '%s' has shape %s in %s but %s in %s", e.getKey(), Arrays.toString(t.shape()),
                        ModelBundle.WEIGHTS, Arrays.toString(e.getValue()), ModelBundle.MODEL_JSON));
            }
        }
        Set<String> undeclared = new TreeSet<>(tensors.tensors().keySet());
        undeclared.removeAll(declared.keySet());
        if (!undeclared.isEmpty()) {
            throw new BundleFormatException(bundle, String.format(Locale.ROOT, "%s holds tensors %s that %s shapes does not list",
                    ModelBundle.WEIGHTS, undeclared, ModelBundle.MODEL_JSON));
        }
    }

    private long limit(String entry) {
        return entry.equals(ModelBundle.MODEL_JSON) ? maxModelJsonBytes : maxWeightsBytes;
    }

    /** Reads all of {@code in}, refusing more than {@code limit} bytes without holding more than limit + 1. */
    private static byte[] readBounded(InputStream in, long limit, String source) throws IOException {
        byte[] bytes = in.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(source, -1, limit);
        }
        return bytes;
    }

    private static BundleFormatException tooLarge(String source, long size, long limit) {
        return new BundleFormatException(source, String.format(Locale.ROOT, "is %s bytes; at most %d are accepted",
                size < 0 ? "more than " + limit : String.valueOf(size), limit));
    }
}
