package org.bcistream.streaming.lsl;

import java.util.Locale;

/** Which LSL implementation a runtime uses. {@link #AUTO} picks {@link #NATIVE} when liblsl loads, else {@link #JAVA}. */
public enum LslImplementation {
    /** Native if liblsl loads, otherwise pure Java. */
    AUTO,
    /** The JNA binding to liblsl's C API; fails if the library cannot be loaded. */
    NATIVE,
    /** The pure-Java implementation of the LSL wire protocol. */
    JAVA;

    /**
     * The implementation named {@code text}, case-insensitively ({@code auto}, {@code native}, {@code java}).
     *
     * @throws LslConfigException for any other text
     */
    public static LslImplementation parse(String text) {
        for (LslImplementation i : values()) {
            if (i.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new LslConfigException("unknown LSL implementation '" + text + "' (valid: auto, native, java)");
    }
}
