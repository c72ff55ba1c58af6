package org.bcistream.streaming.lsl.internal.wire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number text as liblsl writes and reads it, in the "C" locale. Writing follows C's {@code %g} exactly (rounding
 * the exact binary value half-to-even): {@link #showpoint} is liblsl's {@code to_string(double)} ({@code %#.16g},
 * used in stream-info XML: {@code 100.0000000000000}), {@link #compact} is an ostream with precision 16 (used by
 * the time-data messages: {@code 723.294081238}). Reading follows {@code std::istringstream}: leading white space,
 * then the longest numeric prefix.
 */
public final class LslNumbers {
    private static final Pattern INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern DECIMAL =
            Pattern.compile("^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?(?i:inf(?:inity)?|nan))");

    private LslNumbers() {}

    /** {@code value} with {@code precision} significant digits and trailing zeros kept ({@code %#.<p>g}). */
    public static String showpoint(double value, int precision) {
        return format(value, precision, true);
    }

    /** {@code value} with up to {@code precision} significant digits, trailing zeros removed ({@code %.<p>g}). */
    public static String compact(double value, int precision) {
        return format(value, precision, false);
    }

    /** The 16-digit form liblsl puts in XML fields such as {@code nominal_srate}. */
    public static String xml(double value) {
        return showpoint(value, 16);
    }

    /** The leading integer of {@code text}, saturated to the long range; empty if there is none. */
    public static OptionalLong parseLongPrefix(String text) {
        Matcher m = INTEGER.matcher(text);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        BigDecimal v = new BigDecimal(m.group(1));
        if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return OptionalLong.of(Long.MIN_VALUE);
        }
        return OptionalLong.of(v.longValueExact());
    }

    /** The leading integer of {@code text}, saturated to the int range; empty if there is none. */
    public static OptionalLong parseIntPrefix(String text) {
        OptionalLong v = parseLongPrefix(text);
        if (v.isEmpty()) {
            return v;
        }
        return OptionalLong.of(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v.getAsLong())));
    }

    /** The leading decimal number of {@code text} (also {@code inf}, {@code nan}); empty if there is none. */
    public static OptionalDouble parseDoublePrefix(String text) {
        Matcher m = DECIMAL.matcher(text);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        String s = m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (s.contains("nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        if (s.contains("inf")) {
            return OptionalDouble.of(s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return OptionalDouble.of(Double.parseDouble(s));
    }

    private static String format(double value, int precision, boolean showpoint) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + (showpoint ? "0." + "0".repeat(precision - 1) : "0");
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String text;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(precision - 1, RoundingMode.UNNECESSARY);
            String digits = mantissa.toPlainString();
            text = (showpoint ? digits : stripZeros(digits)) + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        } else {
            String digits = rounded.setScale(precision - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString();
            if (showpoint && !digits.contains(".")) {
                digits += ".";
            }
            text = showpoint ? digits : stripZeros(digits);
        }
        return sign + text;
    }

    private static String stripZeros(String digits) {
        if (!digits.contains(".")) {
            return digits;
        }
        String s = digits.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
