package org.bcistream.models.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link ModelBundle} as a directory or a zip. Zip entries carry a fixed timestamp so that the
 * same bundle gives the same bytes.
 */
final class BundleWriter {
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private BundleWriter() {}

    static void write(Path path, ModelBundle bundle) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        bundle.weights().write(buffer);
        byte[] weights = buffer.toByteArray();
        byte[] modelJson = ModelJson.write(bundle, Sha256.hex(weights));
        if (modelJson.length > ModelBundle.MAX_MODEL_JSON_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s would be %d bytes; at most %d are allowed",
                    ModelBundle.MODEL_JSON, modelJson.length, ModelBundle.MAX_MODEL_JSON_BYTES));
        }
        Path name = path.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            writeZip(path, modelJson, weights);
        } else {
            Files.createDirectories(path);
            Files.write(path.resolve(ModelBundle.WEIGHTS), weights);
            Files.write(path.resolve(ModelBundle.MODEL_JSON), modelJson);
        }
    }

    private static void writeZip(Path path, byte[] modelJson, byte[] weights) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, ModelBundle.MODEL_JSON, modelJson);
            entry(zip, ModelBundle.WEIGHTS, weights);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
