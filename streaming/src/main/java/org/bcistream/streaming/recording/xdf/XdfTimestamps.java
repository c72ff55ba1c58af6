package org.bcistream.streaming.recording.xdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails.Segment;

/**
 * pyxdf's post-processing of one stream's time stamps (pyxdf 1.17.5, {@code load_xdf}), re-derived from the
 * description in {@code shared/specs/lsl-and-xdf.md} section 6.6 with the same constants, so that the same
 * file gives the same numbers: detection of a corrupted last clock offset, clock-reset detection, Huber-robust
 * linear clock fits solved by ADMM, per-segment application, and least-squares dejittering with the effective
 * rate. Stateless; every method works in place on the arrays it is given.
 */
final class XdfTimestamps {
    /** Machine epsilon of double (numpy's {@code finfo(float).eps}), added to median absolute deviations. */
    private static final double EPS = Math.ulp(1.0);
    /** ADMM penalty parameter of the Huber fit. */
    private static final double RHO = 1.0;
    /** ADMM iterations of the Huber fit. */
    private static final int ITERATIONS = 1000;
    /** Scale from a median absolute deviation to a normal standard deviation. */
    private static final double MAD_TO_STD = 1.4826;
    /** The last offset is anomalous if its interval exceeds this many median intervals ... */
    private static final double CORRUPT_INTERVAL_RATIO = 10.0;
    /** ... or its value lies more than this many (MAD-based) standard deviations from the median. */
    private static final double CORRUPT_VALUE_Z = 10.0;
    /** Deviation of the effective from the nominal rate that gets a warning. */
    private static final double RATE_WARNING_FRACTION = 0.1;

    private XdfTimestamps() {}

    /** Largest distance from the fitted line, seconds, at which stamps count as already regular (1 ns). */
    static final double ALREADY_REGULAR_SECONDS = 1e-9;

    /** Dejitter segments and effective rate of one stream. */
    record Dejittered(List<Segment> segments, double effectiveRate) {}

    /**
     * Whether the last of {@code n >= 3} clock offsets is anomalous, the signature of pylsl#67 / liblsl#246
     * together with samples beyond the footer's count: its interval is more than 10 times the median of the
     * earlier intervals, or its value is more than 10 MAD-standard-deviations from the median of the earlier
     * values.
     */
    static boolean lastOffsetCorrupted(double[] times, double[] values, int n) {
        if (n < 3) {
            return false;
        }
        double[] intervals = new double[n - 2];
        for (int i = 0; i < n - 2; i++) {
            intervals[i] = times[i + 1] - times[i];
        }
        double medianInterval = median(intervals);
        double lastInterval = Math.abs(times[n - 1] - times[n - 2]);
        double ratio;
        if (medianInterval > 0) {
            ratio = lastInterval / medianInterval;
        } else {
            ratio = lastInterval > 0 ? Double.POSITIVE_INFINITY : 1.0;
        }
        double[] earlier = Arrays.copyOf(values, n - 1);
        double medianValue = median(earlier);
        double[] deviations = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            deviations[i] = Math.abs(earlier[i] - medianValue);
        }
        double mad = median(deviations);
        double z = mad > EPS ? Math.abs(values[n - 1] - medianValue) / (MAD_TO_STD * mad) : 0.0;
        return ratio > CORRUPT_INTERVAL_RATIO || z > CORRUPT_VALUE_Z;
    }

    /**
     * Splits {@code n} clock offsets into inclusive index ranges between clock resets. A reset lies between
     * offsets k and k+1 when the collection time goes backwards, or when both the time interval and the
     * value change are outliers: further from their medians than the given number of median absolute
     * deviations (plus epsilon) and than the given number of seconds.
     */
    static List<int[]> clockRanges(double[] times, double[] values, int n, XdfOptions options) {
        List<int[]> ranges = new ArrayList<>();
        double[] dt = new double[n - 1];
        double[] dv = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            dt[i] = times[i + 1] - times[i];
            dv[i] = values[i + 1] - values[i];
        }
        boolean[] timeGlitch = outliers(dt, options.clockResetThresholdStds(), options.clockResetThresholdSeconds());
        boolean[] valueGlitch = outliers(dv, options.clockResetThresholdOffsetStds(), options.clockResetThresholdOffsetSeconds());
        int start = 0;
        for (int i = 0; i < n - 1; i++) {
            if (dt[i] < 0 || (timeGlitch[i] && valueGlitch[i])) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        ranges.add(new int[] {start, n - 1});
        return ranges;
    }

    private static boolean[] outliers(double[] diff, double thresholdStds, double thresholdSeconds) {
        double median = median(diff);
        double[] absShift = new double[diff.length];
        for (int i = 0; i < diff.length; i++) {
            absShift[i] = Math.abs(diff[i] - median);
        }
        double mad = median(absShift) + EPS;
        boolean[] out = new boolean[diff.length];
        for (int i = 0; i < diff.length; i++) {
            double shift = diff[i] - median;
            out[i] = Math.abs(shift / mad) > thresholdStds && Math.abs(shift) > thresholdSeconds;
        }
        return out;
    }

    /**
     * Fits {@code value = a + b * time} to the clock offsets {@code from..to} (inclusive, at least two) with
     * the Huber loss, solved by ADMM (Boyd et al., "Distributed optimization and statistical learning via
     * the alternating direction method of multipliers", 2011, section 6.1): both columns divided by
     * {@code winsor} so that the Huber knee sits at {@code winsor} seconds, the time column shifted by its
     * minimum for conditioning, rho 1, 1000 iterations. The values are also shifted, by the first one: in exact
     * arithmetic every iterate is shift-equivariant, so this changes nothing but the rounding. Without it
     * (pyxdf) offsets of 6.5e5 s scaled by 1e4 leave float64 rounding noise that 1000 not fully converged
     * iterations carry into the result at the 1e-8 s level; with it the result agrees with an 80-bit
     * evaluation to about 1e-13 s.
     *
     * @return {@code {a, b}}, or null when the normal matrix is singular (all offsets at one time)
     */
    static double[] robustFit(double[] times, double[] values, int from, int to, double winsor) {
        int n = to - from + 1;
        double shift = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            shift = Math.min(shift, times[i] / winsor);
        }
        double level = values[from] / winsor;
        // One pass that writes t and y without reading them back: a loop that stores an element and reloads it
        // next to double reductions is the shape in which JDK 17's C2 crashed the JVM (TypeVect::xmeet).
        double[] t = new double[n];
        double[] y = new double[n];
        double sumT = 0;
        double sumTT = 0;
        double sumY = 0;
        double sumTY = 0;
        for (int i = 0; i < n; i++) {
            double ti = times[from + i] / winsor - shift;
            double yi = values[from + i] / winsor - level;
            t[i] = ti;
            y[i] = yi;
            sumT += ti;
            sumTT += ti * ti;
            sumY += yi;
            sumTY += ti * yi;
        }
        // Cholesky factor L of the normal matrix [[n, sumT], [sumT, sumTT]].
        double l11 = Math.sqrt(n);
        double l21 = sumT / l11;
        double l22Squared = sumTT - l21 * l21;
        if (!(l22Squared > 0)) {
            return null;
        }
        double l22 = Math.sqrt(l22Squared);
        double[] z = new double[n];
        double[] u = new double[n];
        double x0 = 0;
        double x1 = 0;
        for (int k = 0; k < ITERATIONS; k++) {
            double r0 = sumY;
            double r1 = sumTY;
            for (int i = 0; i < n; i++) {
                double zu = z[i] - u[i];
                r0 += zu;
                r1 += t[i] * zu;
            }
            double w0 = r0 / l11;
            double w1 = (r1 - l21 * w0) / l22;
            x1 = w1 / l22;
            x0 = (w0 - l21 * x1) / l11;
            huberProximal(t, y, x0, x1, z, u);
        }
        x0 += level;
        x0 -= x1 * shift;
        return new double[] {x0 * winsor, x1};
    }

    /**
     * The z and u updates of one ADMM iteration. With residual d = x0 + x1 t - y + u, the Huber proximal step
     * z = rho / (1 + rho) d + 1 / (1 + rho) max(0, 1 - (1 + 1 / rho) / |d|) d, u = d - z, is in closed form
     * u = clamp(d / (1 + rho), -1 / rho, 1 / rho), z = d - u. The clamp is written with absolute values,
     * (|x + c| - |x - c|) / 2, so that the loop has no conditional move: JDK 17's C2 compiler crashes the JVM
     * (ShouldNotReachHere in TypeVect::xmeet, JDK-8295407) when it vectorises conditional moves of doubles.
     */
    private static void huberProximal(double[] t, double[] y, double x0, double x1, double[] z, double[] u) {
        double c = 1 / RHO;
        for (int i = 0; i < t.length; i++) {
            double d = x0 + t[i] * x1 - y[i] + u[i];
            double x = d / (1 + RHO);
            double ui = (Math.abs(x + c) - Math.abs(x - c)) / 2;
            u[i] = ui;
            z[i] = d - ui;
        }
    }

    /**
     * Maps {@code n} time stamps into the recording machine's clock with {@code offsets} ClockOffsets (pyxdf
     * {@code _clock_sync}): one robust fit per clock range, a range of one offset giving a constant; with
     * several ranges, samples are assigned by walking forward, a new range starting at the first sample closer
     * to the next range's first collection time than to the current range's last one.
     *
     * @return the clock segments (sample-index ranges); empty when there are no samples or no offsets
     */
    static List<Segment> synchronize(double[] stamps, int n, double[] times, double[] values, int offsets,
            XdfOptions options, String stream, Consumer<String> warnings) {
        List<Segment> segments = new ArrayList<>();
        if (n == 0 || offsets == 0) {
            return segments;
        }
        List<int[]> ranges = options.handleClockResets() && offsets > 1
                ? clockRanges(times, values, offsets, options)
                : List.of(new int[] {0, offsets - 1});
        double[][] coefficients = new double[ranges.size()][];
        for (int r = 0; r < ranges.size(); r++) {
            int[] range = ranges.get(r);
            if (range[0] == range[1]) {
                coefficients[r] = new double[] {values[range[0]], 0};
            } else {
                double[] fit = robustFit(times, values, range[0], range[1], options.winsorThreshold());
                if (fit == null) {
                    warnings.accept(String.format(Locale.ROOT,
                            "stream %s: clock offsets %d..%d all have collection time %s; they cannot be fitted and are not applied",
                            stream, range[0], range[1], times[range[0]]));
                    fit = new double[] {0, 0};
                }
                coefficients[r] = fit;
            }
        }
        if (ranges.size() == 1) {
            apply(stamps, 0, n, coefficients[0]);
            segments.add(new Segment(0, n - 1));
            return segments;
        }
        int start = 0;
        for (int r = 0; r < ranges.size(); r++) {
            int[] range = ranges.get(r);
            int stop = n;
            if (range[1] + 1 < offsets) {
                double currentEnd = times[range[1]];
                double nextStart = times[range[1] + 1];
                for (int i = start; i < n; i++) {
                    if (!(Math.abs(stamps[i] - currentEnd) < Math.abs(stamps[i] - nextStart))) {
                        stop = i;
                        break;
                    }
                }
            }
            if (start == stop) {
                warnings.accept(String.format(Locale.ROOT, "stream %s: no samples fall in clock offsets %d..%d; skipped",
                        stream, range[0], range[1]));
            } else {
                apply(stamps, start, stop, coefficients[r]);
                segments.add(new Segment(start, stop - 1));
                start = stop;
            }
        }
        StringBuilder resets = new StringBuilder();
        for (int r = 1; r < ranges.size(); r++) {
            int k = ranges.get(r)[0];
            resets.append(String.format(Locale.ROOT, "%s%d-%d (offset %.6f s to %.6f s)", r > 1 ? ", " : "", k - 1, k,
                    values[k - 1], values[k]));
        }
        warnings.accept(String.format(Locale.ROOT,
                "stream %s: clock reset between ClockOffsets %s; time stamps synchronised per clock segment %s", stream,
                resets, segments));
        return segments;
    }

    private static void apply(double[] stamps, int from, int to, double[] coefficients) {
        double a = coefficients[0];
        double b = coefficients[1];
        for (int i = from; i < to; i++) {
            stamps[i] += a + b * stamps[i];
        }
    }

    /**
     * Dejitters {@code n} time stamps of a stream in place and measures its effective rate (pyxdf
     * {@code _jitter_removal}), or, with {@code dejitter} false, only measures the rate over the whole
     * stream. Regular streams are split at breaks (a gap larger than both thresholds) and each segment's
     * stamps replaced by its least-squares line over the sample index; streams that may drop samples and
     * irregular streams keep their stamps.
     */
    static Dejittered dejitter(double[] stamps, int n, double nominalRate, boolean canDropSamples, boolean dejitter,
            XdfOptions options, String stream, Consumer<String> warnings) {
        List<Segment> segments = new ArrayList<>();
        if (n == 0) {
            return new Dejittered(segments, 0);
        }
        if (!dejitter || nominalRate == 0 || canDropSamples) {
            segments.add(new Segment(0, n - 1));
            double rate = 0;
            if (nominalRate != 0 && n > 1) {
                double duration = stamps[n - 1] - stamps[0];
                if (dejitter) {
                    rate = duration > 0 ? (n - 1) / duration : 0;
                } else {
                    rate = (n - 1) / duration;
                }
            }
            return new Dejittered(segments, rate);
        }
        double threshold = Math.max(options.jitterBreakThresholdSeconds(), options.jitterBreakThresholdSamples() / nominalRate);
        int start = 0;
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(stamps[i + 1] - stamps[i]) > threshold) {
                segments.add(new Segment(start, i));
                start = i + 1;
            }
        }
        segments.add(new Segment(start, n - 1));
        double samplesMinusOne = 0;
        double duration = 0;
        for (Segment s : segments) {
            int first = (int) s.first();
            int last = (int) s.last();
            fitLine(stamps, first, last);
            samplesMinusOne += last - first;
            duration += stamps[last] - stamps[first];
        }
        double rate = 0;
        if (samplesMinusOne > 0) {
            rate = samplesMinusOne / duration;
            if (Math.abs(nominalRate - rate) / nominalRate > RATE_WARNING_FRACTION) {
                warnings.accept(String.format(Locale.ROOT,
                        "stream %s: effective rate %.4f Hz differs from the nominal %.4f Hz by more than %.0f%%", stream,
                        rate, nominalRate, RATE_WARNING_FRACTION * 100));
            }
        }
        return new Dejittered(segments, rate);
    }

    /**
     * Replaces {@code stamps[first..last]} by their least-squares line over the sample index, unless every stamp
     * is already within {@link #ALREADY_REGULAR_SECONDS} of that line: such stamps carry no jitter to remove, and
     * keeping them makes a file recorded from evenly stamped input replay bit-exactly.
     */
    private static void fitLine(double[] stamps, int first, int last) {
        int count = last - first + 1;
        if (count < 2) {
            return;
        }
        double origin = stamps[first];
        double middle = (first + (double) last) / 2;
        double sum = 0;
        double sumXY = 0;
        for (int i = first; i <= last; i++) {
            double y = stamps[i] - origin;
            sum += y;
            sumXY += (i - middle) * y;
        }
        double m = count;
        double sumXX = m * (m * m - 1) / 12;
        double slope = sumXY / sumXX;
        double mean = origin + sum / m;
        double worst = 0;
        for (int i = first; i <= last; i++) {
            worst = Math.max(worst, Math.abs(stamps[i] - (mean + slope * (i - middle))));
        }
        if (worst <= ALREADY_REGULAR_SECONDS) {
            return;
        }
        for (int i = first; i <= last; i++) {
            stamps[i] = mean + slope * (i - middle);
        }
    }

    /** numpy's median: the middle value, or the mean of the two middle values of an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
