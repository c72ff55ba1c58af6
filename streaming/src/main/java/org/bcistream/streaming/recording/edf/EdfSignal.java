package org.bcistream.streaming.recording.edf;

import java.util.Locale;
import java.util.Objects;

/**
 * One signal of an EDF/BDF header, its text fields trimmed of surrounding spaces (PhysioNet's dot padding,
 * as in {@code Fc5.}, is kept).
 *
 * <p>Digital to physical: {@code phys = (dig - digitalMin) * (physicalMax - physicalMin) / (digitalMax -
 * digitalMin) + physicalMin}, see {@link #toPhysical(int)}.
 *
 * @param index position in the header, from 0
 * @param label signal label ({@code Fc5.}, {@code EDF Annotations}, {@code Status})
 * @param transducer transducer type
 * @param physicalDimension unit of the physical values ({@code uV}, {@code mV}, ...), possibly empty
 * @param physicalMin physical value of {@code digitalMin}
 * @param physicalMax physical value of {@code digitalMax}
 * @param digitalMin smallest digital value, {@code < digitalMax}
 * @param digitalMax largest digital value
 * @param prefiltering prefiltering text ({@code HP:0.1Hz LP:75Hz})
 * @param samplesPerRecord samples of this signal in each data record, {@code > 0}
 * @param reserved the signal's reserved field
 */
public record EdfSignal(
        int index,
        String label,
        String transducer,
        String physicalDimension,
        double physicalMin,
        double physicalMax,
        int digitalMin,
        int digitalMax,
        String prefiltering,
        int samplesPerRecord,
        String reserved) {

    /** Label of the EDF+ annotation signal. */
    public static final String EDF_ANNOTATIONS = "EDF Annotations";

    /** Label of the BDF+ annotation signal. */
    public static final String BDF_ANNOTATIONS = "BDF Annotations";

    /** Label of the BioSemi trigger and status channel. */
    public static final String STATUS = "Status";

    public EdfSignal {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(transducer, "transducer");
        Objects.requireNonNull(physicalDimension, "physicalDimension");
        Objects.requireNonNull(prefiltering, "prefiltering");
        Objects.requireNonNull(reserved, "reserved");
        if (digitalMin >= digitalMax || samplesPerRecord < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "signal %d '%s': digital range %d..%d (min must be < max), %d samples per record (must be > 0)",
                    index, label, digitalMin, digitalMax, samplesPerRecord));
        }
    }

    /** Whether this is an {@code EDF Annotations} or {@code BDF Annotations} signal (holds TALs, not samples). */
    public boolean isAnnotation() {
        return label.equals(EDF_ANNOTATIONS) || label.equals(BDF_ANNOTATIONS);
    }

    /** Physical units per digital count: {@code (physicalMax - physicalMin) / (digitalMax - digitalMin)}. */
    public double unitsPerCount() {
        return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    /** The physical value of a digital sample value. */
    public double toPhysical(int digital) {
        return ((double) digital - digitalMin) * unitsPerCount() + physicalMin;
    }
}
