package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LslNumbersTest {

    @ParameterizedTest(name = "showpoint {0} -> {1}")
    @CsvSource({
        // spec 1.8: nominal_srate, created_at, version as liblsl writes them
        "100.0, 100.0000000000000",
        "0.0, 0.000000000000000",
        "719.642947264, 719.6429472640000",
        "1.1, 1.100000000000000",
        "0.5, 0.5000000000000000",
        "-2.25, -2.250000000000000",
        "1e20, 1.000000000000000e+20",
        "0.00001, 1.000000000000000e-05",
        "123456.789, 123456.7890000000"
    })
    void showpointMatchesCPrintfHashG16(double value, String expected) {
        assertEquals(expected, LslNumbers.showpoint(value, 16));
    }

    @ParameterizedTest(name = "compact {0} -> {1}")
    @CsvSource({
        // spec 3.2 captures: the time-data numbers (ostream precision 16, no showpoint)
        "723.294081238, 723.294081238",
        "834.4446041160001, 834.4446041160001",
        "723.2943614660001, 723.2943614660001",
        "0.0, 0",
        "2.0, 2",
        "1e-7, 1e-07"
    })
    void compactMatchesCPrintfG16(double value, String expected) {
        assertEquals(expected, LslNumbers.compact(value, 16));
    }

    @ParameterizedTest(name = "float to_string {0} -> {1}")
    @CsvSource({"1.5, 1.5000000", "-3.0, -3.0000000"})
    void floatsUseEightDigits(float value, String expected) {
        assertEquals(expected, LslNumbers.showpoint(value, 8));
    }

    @ParameterizedTest(name = "prefix of ''{0}''")
    @CsvSource(value = {"'  42abc', 42", "'-7', -7", "'+3.9', 3", "'99999999999999999999999', 9223372036854775807"})
    void integerPrefixIsReadLikeIstream(String text, long expected) {
        assertEquals(expected, LslNumbers.parseLongPrefix(text).getAsLong());
    }

    @ParameterizedTest(name = "decimal prefix of ''{0}''")
    @CsvSource(value = {"'0.5s', 0.5", "' 1e3x', 1000", "'.25', 0.25", "'-4.', -4", "'1.1000000000000001', 1.1"})
    void decimalPrefixIsReadLikeIstream(String text, double expected) {
        assertEquals(expected, LslNumbers.parseDoublePrefix(text).getAsDouble(), 1e-15);
    }

    @ParameterizedTest(name = "no number in ''{0}''")
    @CsvSource(value = {"''", "'abc'", "'-'", "'.'"})
    void textWithoutNumberHasNone(String text) {
        assertTrue(LslNumbers.parseLongPrefix(text).isEmpty());
        assertTrue(LslNumbers.parseDoublePrefix(text).isEmpty());
    }
}
