package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed bundle zips are refused with bounded memory: zip-slip, extra entries, bombs, cuts. */
class BundleZipTest {
    @TempDir
    Path tmp;

    private byte[] modelJson;
    private byte[] weights;

    @BeforeEach
    void readSampleFiles() throws IOException {
        ModelBundle.write(tmp.resolve("sample"), ModelBundleTest.sample());
        modelJson = Files.readAllBytes(tmp.resolve("sample").resolve(ModelBundle.MODEL_JSON));
        weights = Files.readAllBytes(tmp.resolve("sample").resolve(ModelBundle.WEIGHTS));
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = tmp.resolve("b.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path zipWith(String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelBundle.MODEL_JSON, modelJson);
        entries.put(ModelBundle.WEIGHTS, weights);
        entries.put(name, content);
        return zip(entries);
    }

    /**
     * A zip of model.json, weights and a third entry "model.jsoX" whose last name byte is then patched in the
     * local and central headers (names are not covered by the CRC), to make names ZipOutputStream refuses.
     */
    private Path zipWithThirdEntryRenamed(byte last) throws IOException {
        Path zip = zipWith("model.jsoX", modelJson);
        byte[] bytes = Files.readAllBytes(zip);
        byte[] from = "model.jsoX".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                bytes[i + from.length - 1] = last;
            }
        }
        Files.write(zip, bytes);
        return zip;
    }

    @Test
    void zipSlipNamesAreRefused() throws IOException {
        for (String name : new String[] {"../model.json", "a/../../x", "/model.json", "C:model.json", "a\\model.json"}) {
            Path zip = zipWith(name, modelJson);
            BundleFormatException e = refused(() -> ModelBundle.read(zip), "zip entry '" + name + "' has an unsafe path", "zip-slip");
            assertEquals(zip.toString(), e.source());
        }
    }

    @Test
    void onlyTheTwoFilesAtTheRootAreAllowed() throws IOException {
        for (String name : new String[] {"README.md", "sub/", "sub/model.json", "model.json/"}) {
            Path zip = zipWith(name, new byte[0]);
            refused(() -> ModelBundle.read(zip), "zip entry '" + name + "' is not allowed: a bundle zip holds only"
                    + " [model.json, weights.safetensors] at its root, no directories");
        }
        Path onlyJson = zip(Map.of(ModelBundle.MODEL_JSON, modelJson));
        refused(() -> ModelBundle.read(onlyJson), "zip has no entry weights.safetensors; it has [model.json]");
    }

    @Test
    void duplicateEntriesAreRefused() throws IOException {
        Path zip = zipWithThirdEntryRenamed((byte) 'n');
        refused(() -> ModelBundle.read(zip), "zip holds entry 'model.json' twice");
    }

    @Test
    void aZipBombIsStoppedAtTheLimit() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(ModelBundle.MODEL_JSON));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "200 MiB of zeros compress to less than 1 MiB");
        refused(() -> ModelBundle.read(zip), zip + "!/model.json: is more than 1048576 bytes; at most 1048576 are accepted");
    }

    @Test
    void declaredAndActualEntrySizesAreCapped() throws IOException {
        Path zip = tmp.resolve("stored.zip");
        byte[] big = new byte[(1 << 20) + 5];
        CRC32 crc = new CRC32();
        crc.update(big);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ZipEntry entry = new ZipEntry(ModelBundle.MODEL_JSON);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(big.length);
            entry.setCompressedSize(big.length);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(big);
            out.closeEntry();
        }
        refused(() -> ModelBundle.read(zip), "!/model.json: is 1048581 bytes; at most 1048576 are accepted");
        Path normal = zipWith("README", new byte[0]);
        refused(() -> new BundleReader(1 << 20, 100).read(normal), "!/weights.safetensors: is more than 100 bytes; at most 100");
    }

    @Test
    void everyCutOfAZipIsRefusedOrReadsTheWholeBundle() throws IOException {
        Path whole = tmp.resolve("whole.zip");
        ModelBundle.write(whole, ModelBundleTest.sample());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.zip");
        int refusedCount = 0;
        for (int length = 0; length < bytes.length; length++) {
            try (OutputStream out = Files.newOutputStream(cut)) {
                out.write(bytes, 0, length);
            }
            try {
                assertEquals(ModelBundleTest.sample(), ModelBundle.read(cut), "a cut in the central directory loses nothing");
            } catch (BundleFormatException e) {
                refusedCount++;
            }
        }
        assertTrue(refusedCount > bytes.length / 2, "cuts inside the entries are refused; refused " + refusedCount);
    }

    @Test
    void everyBitFlipOfAZipIsReadOrRefusedCleanly() throws IOException {
        Path whole = tmp.resolve("whole.zip");
        ModelBundle.write(whole, ModelBundle.of("ipvae", HyperParameters.empty(), Provenance.of(1, "f", "c", "v"),
                Safetensors.of(Tensor.ofFloats("phi", new int[] {2}, new float[] {1, 2}))));
        byte[] bytes = Files.readAllBytes(whole);
        Path flipped = tmp.resolve("flipped.zip");
        int refusedCount = 0;
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] copy = bytes.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(flipped, copy);
            try {
                ModelBundle.read(flipped);
            } catch (BundleFormatException e) {
                refusedCount++;
            }
        }
        assertTrue(refusedCount > bytes.length * 4, "most flips are refused; refused " + refusedCount);
    }

    @Test
    void malformedEntryNamesAreRefused() throws IOException {
        Path zip = zipWithThirdEntryRenamed((byte) 0xFF);
        refused(() -> ModelBundle.read(zip), "is not a readable zip file: an entry name is malformed");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path notZip = tmp.resolve("weights.safetensors");
        Files.write(notZip, weights);
        refused(() -> ModelBundle.read(notZip), "holds no zip entries; a bundle is a directory or a zip of [model.json, weights.safetensors]");
        Path empty = Files.createFile(tmp.resolve("empty.zip"));
        refused(() -> ModelBundle.read(empty), "holds no zip entries");
    }

    @Test
    void corruptCompressedDataIsRefused() throws IOException {
        Path zip = tmp.resolve("corrupt.zip");
        ModelBundle.write(zip, ModelBundleTest.sample());
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = 60; i < 90; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(zip, bytes);
        refused(() -> ModelBundle.read(zip), "is not a readable zip file");
    }
}
