package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Full DDIM trajectories against {@code diffusion/ddim_reference.json}, written by the independent numpy
 * script {@code diffusion/make_reference.py} beside it. Every intermediate x must agree within 1e-5,
 * relative to the value where it exceeds 1 (samples are float32, and the ε-prediction cases reach values
 * near 200, where one float32 ulp is already 1.5e-5).
 */
class DdimReferenceFixtureTest {
    private static final double TOLERANCE = 1e-5;

    @TestFactory
    Stream<DynamicTest> trajectoriesMatchTheNumpyReference() throws IOException {
        JsonNode fixture = load();
        JsonNode net = fixture.get("denoiser");
        SampleShape shape = SampleShape.of(ints(net.get("sample_shape")));
        double[][] weights = matrix(net.get("W"));
        double[] timeWeights = doubles(net.get("a"));
        double[][] conditionWeights = matrix(net.get("C"));
        assertEquals(net.get("condition_size").asInt(), conditionWeights[0].length);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : fixture.get("cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> checkCase(testCase,
                    new AffineTanhDenoiser(shape, weights, timeWeights, conditionWeights))));
        }
        assertTrue(tests.size() >= 6, "fixture has " + tests.size() + " cases");
        return tests.stream();
    }

    private static void checkCase(JsonNode testCase, Denoiser denoiser) {
        DdimConfig config = config(testCase);
        int steps = testCase.get("steps").asInt();
        float[] condition = floats(testCase.get("condition"));
        float[] start = floats(testCase.get("x_T"));
        List<float[]> noise = new ArrayList<>();
        testCase.get("noise").forEach(vector -> noise.add(floats(vector)));

        ReplayedNoise steppedNoise = new ReplayedNoise(noise);
        DdimSampler stepped = new DdimSampler(config, denoiser, steppedNoise);
        int[] timesteps = stepped.timesteps(steps);
        assertArrayEquals(ints(testCase.get("timesteps")), timesteps, "timesteps");
        JsonNode trajectory = testCase.get("trajectory");
        assertEquals(steps, trajectory.size());
        float[] x = start.clone();
        for (int i = 0; i < steps; i++) {
            stepped.step(timesteps[i], i + 1 < steps ? timesteps[i + 1] : -1, condition, x);
            double[] expected = doubles(trajectory.get(i));
            for (int j = 0; j < expected.length; j++) {
                double allowed = TOLERANCE * Math.max(1, Math.abs(expected[j]));
                assertEquals(expected[j], x[j], allowed, "x after step " + i + " (t=" + timesteps[i] + "), element " + j);
            }
        }
        assertEquals(noise.size(), steppedNoise.used(), "every reference noise vector used");

        float[] denoised = start.clone();
        new DdimSampler(config, denoiser, new ReplayedNoise(noise)).denoise(steps, condition, denoised);
        assertArrayEquals(x, denoised, "denoise() equals the step-by-step run");
    }

    private static DdimConfig config(JsonNode testCase) {
        JsonNode s = testCase.get("schedule");
        NoiseSchedule schedule = NoiseSchedule.of(BetaSchedule.fromDiffusersName(s.get("kind").asText()),
                s.get("train_timesteps").asInt(), s.get("beta_start").asDouble(), s.get("beta_end").asDouble());
        if (s.get("zero_terminal_snr").asBoolean()) {
            schedule = schedule.withZeroTerminalSnr();
        }
        return DdimConfig.builder()
                .setSchedule(schedule)
                .setPredictionType(PredictionType.fromDiffusersName(testCase.get("prediction_type").asText()))
                .optSpacing(TimestepSpacing.fromDiffusersName(testCase.get("spacing").asText()))
                .optStepsOffset(testCase.get("steps_offset").asInt())
                .optSetAlphaToOne(testCase.get("set_alpha_to_one").asBoolean())
                .optEta(testCase.get("eta").asDouble())
                .optClipping(clipping(testCase.get("clipping")))
                .optUseClippedModelOutput(testCase.get("use_clipped_model_output").asBoolean())
                .optGuidance(new ClassifierFreeGuidance(testCase.get("guidance_scale").asDouble(),
                        testCase.get("guidance_rescale").asDouble()))
                .build();
    }

    private static SampleClipping clipping(JsonNode clipping) {
        String kind = clipping.get("kind").asText();
        switch (kind) {
            case "none":
                return SampleClipping.disabled();
            case "clamp":
                return SampleClipping.clamp(clipping.get("range").asDouble());
            case "dynamic_threshold":
                return SampleClipping.dynamicThreshold(clipping.get("ratio").asDouble(),
                        clipping.get("max_value").asDouble());
            default:
                throw new IllegalArgumentException("unknown clipping kind in fixture: " + kind);
        }
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = DdimReferenceFixtureTest.class.getResourceAsStream("/diffusion/ddim_reference.json")) {
            assertNotNull(in, "diffusion/ddim_reference.json is on the test classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** The fixture stores float32 values as exact doubles, so the cast is exact. */
    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(rows.get(i));
        }
        return values;
    }
}
