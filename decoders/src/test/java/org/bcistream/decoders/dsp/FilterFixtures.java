package org.bcistream.decoders.dsp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bcistream.decoders.testing.CsvTable;

/** The SciPy reference designs of {@code fixtures/filters/designs.csv} and the matching Java designs. */
final class FilterFixtures {
    static final int INPUT_CHANNELS = 3;

    private FilterFixtures() {}

    /** Design name -> scipy's sections, in file order. */
    static Map<String, SecondOrderSections> scipyDesigns() {
        CsvTable table = CsvTable.fixture("filters/designs.csv");
        Map<String, double[]> flat = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            double[] section = new double[6];
            String[] names = {"b0", "b1", "b2", "a0", "a1", "a2"};
            for (int i = 0; i < 6; i++) {
                section[i] = table.number(row, names[i]);
            }
            flat.merge(table.text(row, "design"), section, FilterFixtures::concat);
        }
        Map<String, SecondOrderSections> designs = new LinkedHashMap<>();
        flat.forEach((name, coefficients) -> designs.put(name, SecondOrderSections.of(coefficients)));
        return designs;
    }

    /** The Java design for the parameters in the first fixture row of {@code name}. */
    static SecondOrderSections javaDesign(String name) {
        CsvTable row = CsvTable.fixture("filters/designs.csv").where("design", name::equals);
        String kind = row.text(0, "kind");
        double f1 = row.number(0, "f1_hz");
        double fs = row.number(0, "fs_hz");
        return switch (kind) {
            case "notch" -> Notch.iirNotch(f1, row.number(0, "q"), fs);
            case "lowpass" -> Butterworth.lowPass(Integer.parseInt(row.text(0, "order")), f1, fs);
            case "highpass" -> Butterworth.highPass(Integer.parseInt(row.text(0, "order")), f1, fs);
            case "bandpass" -> Butterworth.bandPass(Integer.parseInt(row.text(0, "order")), f1, row.number(0, "f2_hz"), fs);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** The fixed test input, sample-major, {@link #INPUT_CHANNELS} channels. */
    static float[] input() {
        return CsvTable.fixture("filters/input.csv").floatsRowMajor();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
