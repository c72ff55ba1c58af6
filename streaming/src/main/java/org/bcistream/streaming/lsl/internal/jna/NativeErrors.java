package org.bcistream.streaming.lsl.internal.jna;

import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslInternalException;
import org.bcistream.streaming.lsl.LslLostException;
import org.bcistream.streaming.lsl.LslTimeoutException;

/**
 * Maps liblsl's {@code lsl_error_code_t} to the typed exceptions, at the binding's boundary: -1 timeout, -2 lost,
 * -3 argument, -4 and unknown codes internal.
 */
final class NativeErrors {
    static final int NO_ERROR = 0;
    static final int TIMEOUT = -1;
    static final int LOST = -2;
    static final int ARGUMENT = -3;
    static final int INTERNAL = -4;

    private NativeErrors() {}

    /**
     * The exception for a non-zero {@code code}, or null for 0 (and positive codes, which are counts).
     *
     * @param operation the C function that failed
     * @param detail liblsl's {@code lsl_last_error()} text, may be empty
     */
    static LslException toException(int code, String operation, String detail) {
        if (code >= NO_ERROR) {
            return null;
        }
        String message = operation + " failed" + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        switch (code) {
            case TIMEOUT:
                return new LslTimeoutException(message);
            case LOST:
                return new LslLostException(message);
            case ARGUMENT:
                return new LslArgumentException(message);
            case INTERNAL:
                return new LslInternalException(message);
            default:
                return new LslInternalException(message + " (unknown liblsl error code " + code + ")");
        }
    }

    /** Throws the exception of {@code code}, if any, with liblsl's last error message. */
    static void check(LslLibrary lib, int code, String operation) {
        LslException e = toException(code, operation, code < NO_ERROR ? lib.lsl_last_error() : "");
        if (e != null) {
            throw e;
        }
    }
}
