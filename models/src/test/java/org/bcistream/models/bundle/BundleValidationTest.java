package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle directory whose model.json or weights were edited by hand is refused with what is wrong. */
class BundleValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void writeSample() throws IOException {
        ModelBundle.write(dir, ModelBundleTest.sample());
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve(ModelBundle.MODEL_JSON).toFile());
        change.accept(root);
        Files.writeString(dir.resolve(ModelBundle.MODEL_JSON), root.toPrettyString());
    }

    private BundleFormatException refusedModelJson(String... fragments) {
        BundleFormatException e = refused(() -> ModelBundle.read(dir), fragments);
        assertEquals(dir.resolve(ModelBundle.MODEL_JSON).toString(), e.source());
        return e;
    }

    /** Replaces the weights and updates the checksum, so that only the shapes disagree. */
    private void replaceWeights(Safetensors weights) throws IOException {
        weights.write(dir.resolve(ModelBundle.WEIGHTS));
        String sha = Sha256.hex(Files.readAllBytes(dir.resolve(ModelBundle.WEIGHTS)));
        edit(root -> root.put("weightsSha256", sha));
    }

    private static ObjectNode provenance(ObjectNode root) {
        return (ObjectNode) root.get("provenance");
    }

    @Test
    void tamperedWeightsAreRefused() throws IOException {
        Path weights = dir.resolve(ModelBundle.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        BundleFormatException e = refused(() -> ModelBundle.read(dir), "weights.safetensors sha-256 ",
                " does not match model.json weightsSha256 ", "; the bundle was modified or corrupted");
        assertEquals(dir.toString(), e.source());
    }

    @Test
    void newerFormatsAreRefusedAsSuch() throws IOException {
        edit(root -> root.put("formatVersion", 3).put("somethingNew", true));
        refusedModelJson("bundle format 3 is newer than this build supports (1); upgrade bcistream");
        edit(root -> root.put("formatVersion", 0));
        refusedModelJson("bundle format 0 is not a valid version; versions start at 1");
        edit(root -> root.put("formatVersion", "1"));
        refusedModelJson("$.formatVersion must be an integer; found the string \"1\"");
        edit(root -> root.remove("formatVersion"));
        refusedModelJson("required field $.formatVersion is missing");
    }

    @Test
    void unknownMissingAndMistypedFieldsAreRefused() throws IOException {
        edit(root -> root.put("kindd", "ipvae"));
        refusedModelJson("unknown field $.kindd; known fields: [formatVersion, kind, hyperParameters, shapes, weightsSha256, provenance]");
        edit(root -> {
            root.remove("kindd");
            root.remove("kind");
        });
        refusedModelJson("required field $.kind is missing");
        edit(root -> root.put("kind", 5));
        refusedModelJson("$.kind must be a string; found the integer 5");
        edit(root -> root.put("kind", "Not A Kind"));
        refusedModelJson("bundle kind must be 1 to 64 lowercase letters");
        edit(root -> root.put("kind", "ipvae").putArray("hyperParameters"));
        refusedModelJson("$.hyperParameters must be an object; found an array");
    }

    @Test
    void provenanceIsStrict() throws IOException {
        edit(root -> provenance(root).put("sed", 1));
        refusedModelJson("unknown field $.provenance.sed; known fields: [seed, dataFingerprint, command, createdBy, notes]");
        edit(root -> {
            provenance(root).remove("sed");
            provenance(root).put("seed", "42");
        });
        refusedModelJson("$.provenance.seed must be an integer in [-2^63, 2^63); found the string \"42\"");
        edit(root -> provenance(root).put("seed", 42).put("command", ""));
        refusedModelJson("provenance command must be a non-blank string");
        edit(root -> provenance(root).put("command", "c").putNull("notes"));
        refusedModelJson("$.provenance.notes must be a string; found null");
        edit(root -> {
            provenance(root).remove("notes");
            provenance(root).remove("createdBy");
        });
        refusedModelJson("required field $.provenance.createdBy is missing");
    }

    @Test
    void hyperParametersMustFitADouble() throws IOException {
        Path modelJson = dir.resolve(ModelBundle.MODEL_JSON);
        Files.writeString(modelJson, Files.readString(modelJson).replace("\"latents\" : 2", "\"latents\" : 1e400"));
        BundleFormatException e = refused(() -> ModelBundle.read(dir), "hyper-parameters beyond the double range: [$.hyperParameters.latents]");
        assertEquals(dir.toString(), e.source());
    }

    @Test
    void checksumFieldMustBeLowercaseHex() throws IOException {
        edit(root -> root.put("weightsSha256", root.get("weightsSha256").textValue().toUpperCase()));
        refusedModelJson("$.weightsSha256 must be 64 lowercase hex digits");
    }

    @Test
    void shapesMustMatchTheWeightsBothWays() throws IOException {
        edit(root -> ((ObjectNode) root.get("shapes")).putArray("w.f32").add(3).add(2));
        refused(() -> ModelBundle.read(dir), "tensor 'w.f32' has shape [2, 3] in weights.safetensors but [3, 2] in model.json");
        edit(root -> ((ObjectNode) root.get("shapes")).putArray("w.f32").add(2).add(3));
        edit(root -> ((ObjectNode) root.get("shapes")).putArray("ghost").add(1));
        refused(() -> ModelBundle.read(dir), "model.json lists tensor 'ghost' with shape [1], but weights.safetensors has no such tensor");
        edit(root -> ((ObjectNode) root.get("shapes")).remove("ghost"));
        replaceWeights(Safetensors.of(SafetensorsRoundTripTest.ALL_DTYPES.metadata(), List.of(
                Tensor.ofFloats("extra", new int[] {1}, new float[] {1}))));
        refused(() -> ModelBundle.read(dir), "model.json lists tensor 'empty'");
        edit(root -> root.putObject("shapes"));
        refused(() -> ModelBundle.read(dir), "weights.safetensors holds tensors [extra] that model.json shapes does not list");
        edit(root -> root.putObject("shapes").putArray("extra").add(-1));
        refusedModelJson("$.shapes.extra[0] must be an integer in [0, 2^31); found the integer -1");
        edit(root -> root.putObject("shapes").put("extra", 1));
        refusedModelJson("$.shapes.extra must be an array of at most 64 dimensions; found the integer 1");
    }

    @Test
    void malformedJsonIsRefused() throws IOException {
        Path modelJson = dir.resolve(ModelBundle.MODEL_JSON);
        Files.writeString(modelJson, "{\"formatVersion\": 1, \"formatVersion\": 1}");
        refusedModelJson("model.json is not valid JSON", "Duplicate field 'formatVersion'");
        Files.writeString(modelJson, "");
        refusedModelJson("model.json must be a JSON object; found nothing");
        Files.writeString(modelJson, "[1]");
        refusedModelJson("model.json must be a JSON object; found an array");
        Files.write(modelJson, new byte[] {'{', (byte) 0xFF, '}'});
        refusedModelJson("model.json is not valid UTF-8");
        Files.writeString(modelJson, " ".repeat((1 << 20) + 1), StandardCharsets.UTF_8);
        refusedModelJson("is 1048577 bytes; at most 1048576 are accepted");
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Files.delete(dir.resolve(ModelBundle.WEIGHTS));
        BundleFormatException e = refused(() -> ModelBundle.read(dir), "bundle directory has no file weights.safetensors");
        assertEquals(dir.toString(), e.source());
        Files.delete(dir.resolve(ModelBundle.MODEL_JSON));
        refused(() -> ModelBundle.read(dir), "bundle directory has no file model.json");
    }

    @Test
    void malformedWeightsNameTheWeightsFile() throws IOException {
        Files.write(dir.resolve(ModelBundle.WEIGHTS), new byte[] {1, 2, 3});
        String sha = Sha256.hex(new byte[] {1, 2, 3});
        edit(root -> root.put("weightsSha256", sha));
        BundleFormatException e = refused(() -> ModelBundle.read(dir), "is 3 bytes long");
        assertEquals(dir.resolve(ModelBundle.WEIGHTS).toString(), e.source());
    }
}
