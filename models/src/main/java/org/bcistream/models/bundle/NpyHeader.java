package org.bcistream.models.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header dictionary of a {@code .npy} file, parsed from its Python-literal form, for example
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}. Only that subset of Python is
 * accepted: one dict with exactly the three keys, quoted strings without escapes, {@code True}/{@code False},
 * and a tuple of non-negative integers (a trailing {@code L} from Python 2 allowed).
 *
 * @param descr the dtype string, for example {@code <f8}
 * @param fortranOrder whether the data is column-major
 * @param shape the dimensions, each {@code >= 0}
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {
    private static final int MAX_DIGITS = 18;
    /** What the parser's peek returns past the end of the text. */
    private static final int END = -1;

    static NpyHeader parse(String text, String source) throws BundleFormatException {
        return new Parser(text, source).header();
    }

    /** A recursive-descent parser over the header text. */
    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        NpyHeader header() throws BundleFormatException {
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            Set<String> seen = new HashSet<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                if (!seen.add(key)) {
                    throw fail("key '%s' appears twice", key);
                }
                expect(':');
                switch (key) {
                    case "descr" -> descr = descr();
                    case "fortran_order" -> fortran = bool();
                    case "shape" -> shape = tuple();
                    default -> throw fail("unknown key '%s'; expected descr, fortran_order and shape", key);
                }
                if (peek() != ',') {
                    break;
                }
                expect(',');
            }
            expect('}');
            if (peek() != END) {
                throw fail("unexpected character U+%04X after the dictionary", peek());
            }
            if (descr == null || fortran == null || shape == null) {
                String missing = descr == null ? "descr" : fortran == null ? "fortran_order" : "shape";
                throw fail("the dictionary lacks '%s'", missing);
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private String descr() throws BundleFormatException {
            if (peek() == '[') {
                throw fail("structured (record) dtypes are not supported; save a plain numeric array");
            }
            return string();
        }

        private String string() throws BundleFormatException {
            int quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected a quoted string");
            }
            int end = text.indexOf(quote, ++pos);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String value = text.substring(pos, end);
            if (value.indexOf('\\') >= 0) {
                throw fail("escape sequences in strings are not supported");
            }
            pos = end + 1;
            return value;
        }

        private boolean bool() throws BundleFormatException {
            peek();
            for (String literal : List.of("True", "False")) {
                if (text.startsWith(literal, pos)) {
                    pos += literal.length();
                    return literal.equals("True");
                }
            }
            throw fail("fortran_order must be True or False");
        }

        private long[] tuple() throws BundleFormatException {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (peek() != ')') {
                dims.add(integer());
                if (peek() != ',') {
                    break;
                }
                expect(',');
            }
            expect(')');
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() throws BundleFormatException {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                pos++;
            }
            if (pos == start) {
                throw fail("shape must be a tuple of non-negative integers");
            }
            if (pos - start > MAX_DIGITS) {
                throw fail("shape dimension %s is too large", text.substring(start, pos));
            }
            long value = Long.parseLong(text.substring(start, pos));
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            return value;
        }

        private void expect(char c) throws BundleFormatException {
            if (peek() != c) {
                throw fail("expected '%c'", c);
            }
            pos++;
        }

        /** The next non-blank character, or {@link #END}; skips the blanks. */
        private int peek() {
            while (pos < text.length() && " \n\t".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : END;
        }

        private BundleFormatException fail(String format, Object... args) {
            String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text.strip();
            return new BundleFormatException(source, String.format(Locale.ROOT, "npy header: %s at character %d of %s",
                    String.format(Locale.ROOT, format, args), pos, shown));
        }
    }
}
