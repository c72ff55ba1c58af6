package org.bcistream.models.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.diffusion.BetaSchedule;
import org.bcistream.models.diffusion.NoiseSchedule;

/**
 * The noise schedule a generator was trained with (spec ddim.md A.2, A.8), as recorded in its bundle.
 *
 * @param kind the β schedule
 * @param trainTimesteps T, {@code >= 2}
 * @param betaStart β₀ of the linear kinds
 * @param betaEnd β<sub>T−1</sub> of the linear kinds
 * @param zeroTerminalSnr whether the schedule is rescaled to ᾱ<sub>T−1</sub> = 0
 */
public record ScheduleSettings(BetaSchedule kind, int trainTimesteps, double betaStart, double betaEnd, boolean zeroTerminalSnr) {

    public ScheduleSettings {
        toSchedule(kind, trainTimesteps, betaStart, betaEnd, zeroTerminalSnr); // validates
    }

    /** Linear β 1e-4..0.02 over T = 1000, rescaled to zero terminal SNR: the few-step choice of spec A.8. */
    public static ScheduleSettings defaults() {
        return new ScheduleSettings(BetaSchedule.LINEAR, NoiseSchedule.DEFAULT_TRAIN_TIMESTEPS, 1e-4, 0.02, true);
    }

    /** The schedule. */
    public NoiseSchedule toSchedule() {
        return toSchedule(kind, trainTimesteps, betaStart, betaEnd, zeroTerminalSnr);
    }

    private static NoiseSchedule toSchedule(BetaSchedule kind, int steps, double start, double end, boolean zeroSnr) {
        NoiseSchedule schedule = NoiseSchedule.of(kind, steps, start, end);
        return zeroSnr ? schedule.withZeroTerminalSnr() : schedule;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("betaSchedule", kind.diffusersName());
        json.put("trainTimesteps", trainTimesteps);
        json.put("betaStart", betaStart);
        json.put("betaEnd", betaEnd);
        json.put("zeroTerminalSnr", zeroTerminalSnr);
        return json;
    }

    static ScheduleSettings of(HyperParameters json) throws BundleFormatException {
        try {
            return new ScheduleSettings(BetaSchedule.fromDiffusersName(json.getString("betaSchedule")), json.getInt("trainTimesteps"),
                    json.getDouble("betaStart"), json.getDouble("betaEnd"), json.getBoolean("zeroTerminalSnr"));
        } catch (IllegalArgumentException e) {
            throw json.invalid("betaSchedule", "does not make a schedule: " + e.getMessage());
        }
    }
}
