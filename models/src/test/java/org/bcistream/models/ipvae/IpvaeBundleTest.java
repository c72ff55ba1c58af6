package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.bundle.ModelBundle;
import org.bcistream.models.bundle.NpyArray;
import org.bcistream.models.bundle.Safetensors;
import org.bcistream.models.bundle.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iP-VAE bundle: the committed golden bundle (written and run by {@code make_ipvae_golden.py}, an
 * independent Python transcription of the spec) loads and the engine reproduces the script's outputs; a
 * bundle round-trips bit-exactly; broken bundles are refused with the reason.
 */
class IpvaeBundleTest {
    @TempDir
    Path dir;

    @Test
    void goldenBundleGivesTheReferenceOutputs() throws IOException {
        IpvaeBundle bundle = IpvaeBundle.read(resource("v1/ipvae-online"));
        JsonNode expected = new ObjectMapper().readTree(resource("ipvae-online-expected.json").toFile());
        assertEquals(6, bundle.model().featureCount());
        assertEquals(4, bundle.model().latentCount());
        assertEquals(KlForm.EXACT, bundle.inference().klForm());
        assertEquals(7, bundle.provenance().seed());
        IpvaeSession session = IpvaeSession.start(IpvaeEngine.sparse(bundle.model(), bundle.inference()),
                expected.get("seed").asLong());
        int totalSpikes = 0;
        for (int f = 0; f < expected.get("frames").size(); f++) {
            IpvaeFrame frame = session.step(doubles(expected.get("frames").get(f)));
            JsonNode reference = expected.get("outputs").get(f);
            int[] spikes = new int[4];
            for (int k = 0; k < 4; k++) {
                spikes[k] = reference.get("spikes").get(k).asInt();
                double rate = reference.get("rates").get(k).asDouble();
                assertEquals(rate, frame.rate(k), 1e-12 * rate, "frame " + f + " rate " + k);
            }
            assertArrayEquals(spikes, frame.spikeCounts(), "frame " + f + " spikes");
            totalSpikes += java.util.Arrays.stream(spikes).sum();
            assertEquals(reference.get("freeEnergy").asDouble(), frame.freeEnergy(),
                    1e-10 * Math.abs(reference.get("freeEnergy").asDouble()), "frame " + f + " free energy");
            assertEquals(reference.get("r2").asDouble(), frame.r2(), 1e-10, "frame " + f + " R2");
        }
        assertTrue(totalSpikes > 20, "the golden run exercises the explaining-away term: " + totalSpikes + " spikes");
    }

    @Test
    void bundleRoundTripsThroughDirectoryAndZip() throws IOException {
        IpvaeBundle original = IpvaeBundle.read(resource("v1/ipvae-online"));
        ObjectNode features = JsonNodeFactory.instance.objectNode().put("windowSeconds", 0.5);
        IpvaeBundle annotated = new IpvaeBundle(original.model(),
                new IpvaeConfig(2, 0.5, 9, 8, 4, KlForm.REFERENCE_CODE), features, null, original.provenance());
        for (String name : new String[] {"copy", "copy.zip"}) {
            annotated.write(dir.resolve(name));
            IpvaeBundle back = IpvaeBundle.read(dir.resolve(name));
            assertEquals(annotated.model(), back.model(), name);
            assertEquals(annotated.inference(), back.inference(), name);
            assertEquals(0.5, back.featureSettings().get("windowSeconds").asDouble(), name);
        }
    }

    @Test
    void tamperedWeightsAreRefused() throws IOException {
        Path copy = copyGolden();
        byte[] weights = Files.readAllBytes(copy.resolve(ModelBundle.WEIGHTS));
        weights[weights.length - 3] ^= 0x10;
        Files.write(copy.resolve(ModelBundle.WEIGHTS), weights);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> IpvaeBundle.read(copy));
        assertTrue(e.getMessage().contains("sha"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreRefused() throws IOException {
        Path copy = copyGolden();
        byte[] weights = Files.readAllBytes(copy.resolve(ModelBundle.WEIGHTS));
        Files.write(copy.resolve(ModelBundle.WEIGHTS), java.util.Arrays.copyOf(weights, weights.length - 40));
        assertThrows(BundleFormatException.class, () -> IpvaeBundle.read(copy));
    }

    @Test
    void aBundleOfAnotherKindOrShapeIsRefusedWithTheReason() throws IOException {
        IpvaeBundle golden = IpvaeBundle.read(resource("v1/ipvae-online"));
        ModelBundle generic = golden.toBundle();
        ModelBundle otherKind = ModelBundle.of("generator-image", generic.hyperParameters(), generic.provenance(),
                generic.weights());
        assertMessage(() -> IpvaeBundle.of(otherKind), "ipvae");

        java.util.Map<String, Tensor> tensors = new java.util.TreeMap<>(generic.weights().tensors());
        tensors.put("u_init", Tensor.ofDoubles("u_init", new int[] {5}, new double[5]));
        ModelBundle wrongShape = ModelBundle.of("ipvae", generic.hyperParameters(), generic.provenance(),
                Safetensors.of(java.util.Map.of(), tensors.values()));
        assertMessage(() -> IpvaeBundle.of(wrongShape), "u_init");

        tensors.remove("log_lr");
        ModelBundle missing = ModelBundle.of("ipvae", generic.hyperParameters(), generic.provenance(),
                Safetensors.of(java.util.Map.of(), tensors.values()));
        assertMessage(() -> IpvaeBundle.of(missing), "log_lr");

        ObjectNode hyper = generic.hyperParameters().json();
        ((ObjectNode) hyper.get("inference")).put("klForm", "forward");
        ModelBundle badKl = ModelBundle.of("ipvae", HyperParameters.of(hyper), generic.provenance(), generic.weights());
        assertMessage(() -> IpvaeBundle.of(badKl), "forward");
    }

    @Test
    void aDictionaryFromNpyBecomesAModelWithTheInitialParameters() throws IOException {
        NpyArray phi = NpyArray.read(resource("phi_f4_fortran.npy"));
        IpvaeModel model = IpvaeBundle.modelFromDictionary(phi, 5);
        assertEquals(3, model.featureCount());
        assertEquals(4, model.latentCount());
        assertEquals(-0.75, model.decoder().phi(0, 1));
        assertEquals(1.75, model.decoder().phi(2, 3));
        assertTrue(model.decoder().hasUnitSigma());
        assertEquals(Math.exp(InitialParameters.LOG_BIAS), model.bias(0), 1e-15);
        for (double u : model.uInit()) {
            assertTrue(u >= InitialParameters.U_INIT_LOW && u < InitialParameters.U_INIT_HIGH, "u_init " + u);
        }
        assertEquals(model, IpvaeBundle.modelFromDictionary(phi, 5), "the same seed gives the same model");
        assertMessage(() -> IpvaeBundle.modelFromDictionary(NpyArray.read(resource("vec_i4.npy")), 5), "2-D");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        BundleFormatException e = assertThrows(BundleFormatException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message <" + e.getMessage() + "> lacks <" + fragment + ">");
    }

    private Path copyGolden() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("golden"));
        for (String name : new String[] {ModelBundle.MODEL_JSON, ModelBundle.WEIGHTS}) {
            Files.copy(resource("v1/ipvae-online").resolve(name), copy.resolve(name));
        }
        return copy;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(IpvaeBundleTest.class.getResource("/bundle/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
