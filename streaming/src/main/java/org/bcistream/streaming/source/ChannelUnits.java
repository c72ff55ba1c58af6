package org.bcistream.streaming.source;

import java.util.Locale;
import org.bcistream.streaming.recording.RecordedStream;

/** Scale factors from the units recordings declare for their channels to the engine's microvolts. */
final class ChannelUnits {
    private ChannelUnits() {}

    /**
     * Microvolts per unit of each channel: {@code uV}, {@code µV}, {@code microvolts} = 1; {@code mV},
     * {@code millivolts} = 1e3; {@code V}, {@code volts} = 1e6; {@code nV}, {@code nanovolts} = 1e-3. A
     * channel without a unit, or with any other unit (counts, g, degrees), is passed through unchanged.
     */
    static float[] microvoltsPerUnit(RecordedStream stream) {
        float[] scale = new float[stream.channelCount()];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = stream.channelUnits().isEmpty() ? 1f : factor(stream.channelUnits().get(c));
        }
        return scale;
    }

    static float factor(String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "mv", "millivolt", "millivolts" -> 1e3f;
            case "v", "volt", "volts" -> 1e6f;
            case "nv", "nanovolt", "nanovolts" -> 1e-3f;
            default -> 1f;
        };
    }
}
