package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles round-trip through directories and zips, old golden bundles load, and the accessors check. */
class ModelBundleTest {

    static ModelBundle sample() {
        ObjectNode hp = JsonNodeFactory.instance.objectNode().put("latents", 2L).put("beta", 24.0f).put("klForm", "exact")
                .put("sparse", true);
        hp.putArray("steps").add(10).add(20);
        hp.putObject("nested").put("x", 0.1);
        return ModelBundle.of("ipvae", HyperParameters.of(hp),
                new Provenance(42, "ab12", "bcistream train ipvae --seed 42", "bcistream 0.1.0", "unit test"),
                SafetensorsRoundTripTest.ALL_DTYPES);
    }

    @Test
    void directoriesAndZipsRoundTrip(@TempDir Path tmp) throws IOException {
        ModelBundle bundle = sample();
        for (Path target : new Path[] {tmp.resolve("dir"), tmp.resolve("nested/out/b.zip"), tmp.resolve("B.ZIP")}) {
            ModelBundle.write(target, bundle);
            ModelBundle back = ModelBundle.read(target);
            assertEquals(bundle, back);
            assertEquals(bundle.hashCode(), back.hashCode());
            assertEquals(target.toString(), back.source());
            assertEquals(ModelBundle.CURRENT_FORMAT_VERSION, back.formatVersion());
            assertEquals("unit test", back.provenance().notes());
            assertEquals(Map.of("format", "pt", "note", "é ∑ \"quoted\""), back.weights().metadata());
        }
        assertTrue(Files.isDirectory(tmp.resolve("dir")) && Files.isRegularFile(tmp.resolve("B.ZIP")));
    }

    @Test
    void writingReplacesAndIsDeterministic(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("b.zip");
        ModelBundle.write(zip, sample());
        byte[] first = Files.readAllBytes(zip);
        ModelBundle.write(zip, sample());
        assertArrayEquals(first, Files.readAllBytes(zip));
        ModelBundle other = ModelBundle.of("ddim-image", HyperParameters.empty(), Provenance.of(1, "f", "c", "v"), Safetensors.of());
        ModelBundle.write(tmp.resolve("dir"), sample());
        ModelBundle.write(tmp.resolve("dir"), other);
        assertEquals(other, ModelBundle.read(tmp.resolve("dir")));
    }

    @Test
    void goldenFormatOneBundlesLoad() throws IOException {
        ObjectNode hp = JsonNodeFactory.instance.objectNode().put("latents", 2).put("channels", 3).put("beta", 24.0)
                .put("klForm", "exact").put("sparse", true);
        ModelBundle expected = ModelBundle.of("ipvae", HyperParameters.of(hp),
                new Provenance(42, "179b6cda9b8a8fe14489175f78d0124a9c9ef3781c143ff8cd0b095b65793cff", "python3 make_golden.py",
                        "make_golden.py 1", "golden bundle, format 1"),
                Safetensors.of(Tensor.ofDoubles("phi", new int[] {3, 2}, new double[] {0.5, -0.5, 1.0, 2.0, -1.5, 0.25}),
                        Tensor.ofFloats("log_sigma", new int[] {3}, new float[] {0, -1, 0.5f})));
        for (String golden : new String[] {"v1/ipvae-tiny", "v1/ipvae-tiny.zip"}) {
            ModelBundle bundle = ModelBundle.read(Refusals.resource(golden));
            assertEquals(expected, bundle, golden);
            assertEquals(1, bundle.formatVersion());
            assertEquals(2, bundle.hyperParameters().getInt("latents"));
            assertArrayEquals(new double[] {0, -1, 0.5}, bundle.require("log_sigma", 3).toDoubles());
        }
    }

    @Test
    void requireChecksNameShapeDtypeAndKind() throws IOException {
        ModelBundle bundle = sample();
        assertSame(bundle.weights().tensors().get("w.f64"), bundle.require("w.f64", 3));
        assertSame(bundle.weights().tensors().get("w.f64"), bundle.require("w.f64", DType.F64, 3));
        assertSame(bundle, bundle.requireKind("ipvae"));
        BundleFormatException missing = refused(() -> bundle.require("phi", 3),
                "has no tensor 'phi'; it has [empty, idx.i32, step, w.f32, w.f64]");
        assertEquals("(unsaved 'ipvae' bundle)", missing.source());
        refused(() -> bundle.require("w.f32", 3, 2), "tensor 'w.f32' has shape [2, 3]; expected [3, 2]");
        refused(() -> bundle.require("step", 1), "tensor 'step' has shape []; expected [1]");
        refused(() -> bundle.require("w.f32", DType.F64, 2, 3), "tensor 'w.f32' is F32; expected F64");
        refused(() -> bundle.requireKind("ddim-image"), "is a 'ipvae' bundle; expected 'ddim-image'");
    }

    @Test
    void valuesAreCheckedWhenBuilt() {
        Provenance p = Provenance.of(1, "f", "c", "v");
        assertEquals("bundle kind must be 1 to 64 lowercase letters and digits, separated by single '.', '_' or '-'"
                + " (e.g. \"ddim-image\"); got \"IPVAE\"", assertThrows(IllegalArgumentException.class,
                () -> ModelBundle.of("IPVAE", HyperParameters.empty(), p, Safetensors.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.of("a--b", HyperParameters.empty(), p, Safetensors.of()));
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.of("x".repeat(65), HyperParameters.empty(), p, Safetensors.of()));
        assertThrows(NullPointerException.class, () -> ModelBundle.of("ipvae", null, p, Safetensors.of()));
        assertEquals("provenance command must be a non-blank string; got \" \"",
                assertThrows(IllegalArgumentException.class, () -> Provenance.of(1, "f", " ", "v")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Provenance.of(1, null, "c", "v"));
        assertThrows(IllegalArgumentException.class, () -> Provenance.of(1, "f", "c", ""));
    }

    @Test
    void equalityIgnoresTheSourceButNotTheContent(@TempDir Path tmp) throws IOException {
        ModelBundle.write(tmp.resolve("a"), sample());
        assertEquals(sample(), ModelBundle.read(tmp.resolve("a")));
        ModelBundle renamed = ModelBundle.of("ipvae", sample().hyperParameters(), Provenance.of(43, "ab12", "c", "v"),
                sample().weights());
        assertNotEquals(sample(), renamed);
        assertTrue(sample().toString().startsWith("ModelBundle[ipvae v1 from (unsaved 'ipvae' bundle): "));
    }

    @Test
    void aMissingPathIsNoSuchFile(@TempDir Path tmp) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelBundle.read(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("no model bundle here"), e.getMessage());
    }
}
