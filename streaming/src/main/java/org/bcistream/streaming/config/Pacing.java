package org.bcistream.streaming.config;

import java.util.Locale;

/**
 * How fast a source replays its time line: at the source clock's own speed ({@code realtime}), a multiple
 * of it ({@code 2x}, {@code 0.5x}), or as fast as the job can take it ({@code max}).
 *
 * @param speed source seconds per wall-clock second; {@code +Infinity} for {@code max}
 */
public record Pacing(double speed) implements java.io.Serializable {
    public static final Pacing MAX = new Pacing(Double.POSITIVE_INFINITY);
    public static final Pacing REALTIME = new Pacing(1.0);

    public Pacing {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("pacing speed must be > 0, got " + speed);
        }
    }

    /** Parses {@code max}, {@code realtime} or a factor such as {@code 2x} / {@code 0.5}. */
    public static Pacing parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        if (t.equals("realtime") || t.equals("real-time") || t.equals("1x")) {
            return REALTIME;
        }
        try {
            return new Pacing(Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a pacing; use max, realtime or a factor like 2x", e);
        }
    }

    /** True when the source does not wait for the wall clock. */
    public boolean isMax() {
        return Double.isInfinite(speed);
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        if (speed == 1.0) {
            return "realtime";
        }
        return (speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed)) + "x";
    }
}
