package org.bcistream.models.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.diffusion.ClassifierFreeGuidance;
import org.bcistream.models.diffusion.DdimConfig;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.PredictionType;
import org.bcistream.models.diffusion.TimestepSpacing;

/**
 * How a generator samples by default (spec ddim.md A): the network's prediction type, the timestep spacing,
 * η, classifier-free guidance, and the step count used when none is asked for.
 *
 * @param prediction what the network predicts (this project trains v-prediction)
 * @param spacing timestep spacing
 * @param eta η in [0, 1]
 * @param guidance classifier-free guidance (scale 1 = none: one network call per step)
 * @param steps the default number of steps, and the most a budgeted run uses unless told otherwise, {@code >= 1}
 */
public record SamplerSettings(PredictionType prediction, TimestepSpacing spacing, double eta, ClassifierFreeGuidance guidance, int steps) {

    public SamplerSettings {
        if (prediction == null || spacing == null || guidance == null) {
            throw new IllegalArgumentException("prediction type, spacing and guidance are required");
        }
        if (!(eta >= 0 && eta <= 1) || steps < 1) {
            throw new IllegalArgumentException("eta must be in [0, 1] and steps >= 1; got " + eta + " and " + steps);
        }
    }

    /** v-prediction, trailing spacing, η = 0, no guidance, the given default steps. */
    public static SamplerSettings deterministic(int steps) {
        return new SamplerSettings(PredictionType.V_PREDICTION, TimestepSpacing.TRAILING, 0, ClassifierFreeGuidance.none(), steps);
    }

    /** A copy with other guidance. */
    public SamplerSettings withGuidance(ClassifierFreeGuidance value) {
        return new SamplerSettings(prediction, spacing, eta, value, steps);
    }

    /** The DDIM configuration for {@code schedule}. */
    public DdimConfig toDdimConfig(NoiseSchedule schedule) {
        return DdimConfig.builder().setSchedule(schedule).setPredictionType(prediction).optSpacing(spacing).optEta(eta)
                .optGuidance(guidance).build();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("predictionType", prediction.diffusersName());
        json.put("timestepSpacing", spacing.diffusersName());
        json.put("eta", eta);
        json.put("guidanceScale", guidance.scale());
        json.put("guidanceRescale", guidance.rescale());
        json.put("steps", steps);
        return json;
    }

    static SamplerSettings of(HyperParameters json) throws BundleFormatException {
        try {
            return new SamplerSettings(PredictionType.fromDiffusersName(json.getString("predictionType")),
                    TimestepSpacing.fromDiffusersName(json.getString("timestepSpacing")), json.getDouble("eta"),
                    new ClassifierFreeGuidance(json.getDouble("guidanceScale"), json.getDouble("guidanceRescale")), json.getInt("steps"));
        } catch (IllegalArgumentException e) {
            throw json.invalid("predictionType", "and the other sampler settings do not make a sampler: " + e.getMessage());
        }
    }
}
