package org.bcistream.streaming.lsl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * liblsl's INI dialect ({@code util/inireader.cpp}): {@code [section]} headers, {@code key = value} lines with both
 * sides trimmed, comment lines starting with {@code ;} in the first column, keys stored as {@code section.key}
 * without changing case. A missing {@code ]}, a line without {@code =}, an empty key or value and a duplicate key are
 * errors.
 */
final class IniReader {
    private static final String WHITESPACE = " \t\r\n";

    private IniReader() {}

    /**
     * The {@code section.key -> value} pairs of {@code content}, in file order.
     *
     * @throws LslConfigException naming the line of the first error
     */
    static Map<String, String> read(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        int lineNumber = 0;
        for (String line : content.split("\n", -1)) {
            lineNumber++;
            if (line.startsWith(";") || line.chars().allMatch(c -> WHITESPACE.indexOf(c) >= 0)) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new LslConfigException("no closing bracket ] found in line " + lineNumber);
                }
                section = line.substring(1, close) + ".";
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new LslConfigException("no key-value pair in line " + lineNumber);
            }
            String key = trim(line.substring(0, eq));
            String value = trim(line.substring(eq + 1));
            if (key.isEmpty()) {
                throw new LslConfigException("empty key in line " + lineNumber);
            }
            if (value.isEmpty()) {
                throw new LslConfigException("empty value in line " + lineNumber);
            }
            if (values.putIfAbsent(section + key, value) != null) {
                throw new LslConfigException("duplicate key " + section + key + " in line " + lineNumber);
            }
        }
        return values;
    }

    private static String trim(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && WHITESPACE.indexOf(s.charAt(begin)) >= 0) {
            begin++;
        }
        while (end > begin && WHITESPACE.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(begin, end);
    }
}
