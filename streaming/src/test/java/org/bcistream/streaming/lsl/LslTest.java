package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LslTest {

    @Test
    void openGivesTheConfiguredImplementation() {
        try (LslRuntime lsl = Lsl.open(LslTestSupport.loopbackConfig())) {
            String forced = System.getProperty(Lsl.IMPLEMENTATION_PROPERTY);
            if (forced == null) {
                assertEquals(LslImplementation.JAVA, lsl.implementation());
                assertEquals(110, lsl.protocolVersion());
            }
            assertTrue(lsl.libraryInfo().length() > 0);
        }
        LslTestSupport.assertNoLslThreads();
    }

    @Test
    void localClockIsMonotonicSeconds() {
        double a = Lsl.localClock();
        double b = Lsl.localClock();
        assertTrue(b >= a);
        assertEquals(System.nanoTime() / 1e9, Lsl.localClock(), 1.0);
    }
}
