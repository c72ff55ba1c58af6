package org.bcistream.streaming.lsl.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslInternalException;
import org.bcistream.streaming.lsl.LslLostException;
import org.bcistream.streaming.lsl.LslTimeoutException;
import org.junit.jupiter.api.Test;

class NativeErrorsTest {

    @Test
    void liblslErrorCodesMapToTypedExceptions() {
        assertNull(NativeErrors.toException(0, "lsl_open_stream", ""));
        assertNull(NativeErrors.toException(42, "lsl_resolve_all", ""), "positive results are counts");
        assertInstanceOf(LslTimeoutException.class, NativeErrors.toException(-1, "lsl_open_stream", ""));
        assertInstanceOf(LslLostException.class, NativeErrors.toException(-2, "lsl_pull_sample_f", ""));
        assertInstanceOf(LslArgumentException.class, NativeErrors.toException(-3, "lsl_pull_chunk_f", ""));
        assertInstanceOf(LslInternalException.class, NativeErrors.toException(-4, "lsl_push_sample_ftp", ""));
        LslException unknown = NativeErrors.toException(-9, "lsl_time_correction_ex", "boom");
        assertInstanceOf(LslInternalException.class, unknown);
        assertTrue(unknown.getMessage().contains("unknown liblsl error code -9"), unknown.getMessage());
        assertEquals("lsl_pull_sample_f failed: The stream read by this inlet has been lost",
                NativeErrors.toException(-2, "lsl_pull_sample_f", "The stream read by this inlet has been lost")
                        .getMessage());
    }
}
