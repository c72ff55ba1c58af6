package org.bcistream.hardware.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rough scalp position of each neural channel, read from 10-20/10-10 labels ({@code Fp1}, {@code AF7},
 * {@code Cz}, {@code TP10}, ...), used to place blinks (frontal), alpha (posterior), mu/beta (central) and
 * EMG (temporal).
 *
 * <p>{@code y} runs from 0 (frontopolar) to 1 (inion); {@code lateral} from 0 (midline) to 1 (over the ear).
 * A label that is not a 10-20 name takes its position from its rank among the neural channels (the
 * first channel is taken as frontal, the last as posterior) and {@code lateral = 0.5}.
 */
final class ScalpLayout {
    private static final Pattern TEN_TWENTY =
            Pattern.compile("(FP|AF|FT|FC|F|CP|C|TP|T|PO|P|O|I)(Z|[0-9]{1,2})");

    final double[] y;
    final double[] lateral;

    ScalpLayout(List<String> neuralLabels) {
        int n = neuralLabels.size();
        y = new double[n];
        lateral = new double[n];
        for (int c = 0; c < n; c++) {
            Matcher m = TEN_TWENTY.matcher(neuralLabels.get(c).trim().toUpperCase(Locale.ROOT));
            if (m.matches()) {
                String region = m.group(1);
                y[c] = anteriorPosterior(region);
                lateral[c] = lateralFromSuffix(m.group(2));
                if (region.equals("T") || region.equals("FT") || region.equals("TP")) {
                    lateral[c] = Math.max(lateral[c], 0.8);
                }
            } else {
                y[c] = n == 1 ? 0.0 : (double) c / (n - 1);
                lateral[c] = 0.5;
            }
        }
    }

    /** Blink weight: 1 at frontopolar sites, about 0.2 at central sites, 0.05 at the back. */
    double blinkWeight(int c) {
        return 0.05 + 0.95 * StrictMath.pow(1.0 - y[c], 2.5);
    }

    /** Posterior alpha weight: about 0.9 at occipital sites, 0.1 at frontopolar sites. */
    double alphaWeight(int c) {
        return 0.1 + 0.9 * y[c] * y[c];
    }

    /** Sensorimotor (mu, beta) weight: 1 over the central strip, 0.2 far from it. */
    double centralWeight(int c) {
        double d = (y[c] - 0.5) / 0.2;
        return 0.2 + 0.8 * StrictMath.exp(-d * d);
    }

    /** Muscle weight: 1 over the temporal muscles, 0.1 on the midline. */
    double emgWeight(int c) {
        return 0.1 + 0.9 * lateral[c] * lateral[c];
    }

    private static double anteriorPosterior(String region) {
        return switch (region) {
            case "FP" -> 0.0;
            case "AF" -> 0.1;
            case "F" -> 0.25;
            case "FC", "FT" -> 0.38;
            case "C", "T" -> 0.5;
            case "CP", "TP" -> 0.62;
            case "P" -> 0.75;
            case "PO" -> 0.87;
            case "O" -> 0.95;
            default -> 1.0; // "I", the inion row
        };
    }

    /** Odd numbers left, even right, larger further out: 1-2 -> 0.2, 3-4 -> 0.4, ..., 9-10 -> 1. */
    private static double lateralFromSuffix(String suffix) {
        if (suffix.equals("Z")) {
            return 0.0;
        }
        int number = Integer.parseInt(suffix);
        return Math.min(1.0, 0.2 * ((number + 1) / 2));
    }
}
