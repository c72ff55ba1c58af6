package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bcistream.streaming.lsl.internal.pure.PureLslRuntime;
import org.junit.jupiter.api.Test;

class RuntimeSelectorTest {
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final AtomicReference<String> nativeLibrary = new AtomicReference<>();

    private RuntimeSelector selector(boolean nativeAvailable) {
        return new RuntimeSelector(properties::get, environment::get, (config, library) -> {
            nativeLibrary.set(library);
            if (!nativeAvailable) {
                throw new LslUnavailableException("liblsl could not be loaded; tried " + library);
            }
            throw new IllegalStateException("a native runtime would be made here");
        }, PureLslRuntime::new);
    }

    private static LslConfig config(LslImplementation implementation, String library) {
        return LslConfig.builder().set(LslOptions.IMPLEMENTATION, implementation)
                .set(LslOptions.NATIVE_LIBRARY, library).build();
    }

    @Test
    void autoFallsBackToJavaWhenLiblslIsMissing() {
        try (LslRuntime runtime = selector(false).open(config(LslImplementation.AUTO, ""))) {
            assertEquals(LslImplementation.JAVA, runtime.implementation());
            assertEquals("", nativeLibrary.get());
        }
    }

    @Test
    void autoAndNativeUseLiblslWhenItLoads() {
        assertThrows(IllegalStateException.class, () -> selector(true).open(config(LslImplementation.AUTO, "")));
        assertThrows(IllegalStateException.class, () -> selector(true).open(config(LslImplementation.NATIVE, "")));
    }

    @Test
    void nativeFailsWithTheLoadersMessage() {
        LslUnavailableException e = assertThrows(LslUnavailableException.class,
                () -> selector(false).open(config(LslImplementation.NATIVE, "/opt/lsl/liblsl.so")));
        assertTrue(e.getMessage().contains("/opt/lsl/liblsl.so"));
    }

    @Test
    void javaNeverTouchesLiblsl() {
        try (LslRuntime runtime = selector(true).open(config(LslImplementation.JAVA, ""))) {
            assertEquals(LslImplementation.JAVA, runtime.implementation());
            assertEquals(null, nativeLibrary.get());
        }
    }

    @Test
    void systemPropertyOverridesTheConfiguration() {
        properties.put(Lsl.IMPLEMENTATION_PROPERTY, "Java");
        assertSame(LslImplementation.JAVA, selector(true).requested(config(LslImplementation.NATIVE, "")));
        properties.put(Lsl.IMPLEMENTATION_PROPERTY, "sometimes");
        assertThrows(LslConfigException.class, () -> selector(true).requested(config(LslImplementation.AUTO, "")));
        properties.remove(Lsl.IMPLEMENTATION_PROPERTY);
        assertSame(LslImplementation.NATIVE, selector(true).requested(config(LslImplementation.NATIVE, "")));
    }

    @Test
    void libraryComesFromPropertyThenEnvironmentThenConfiguration() {
        RuntimeSelector s = selector(false);
        LslConfig c = config(LslImplementation.AUTO, "/from/config/liblsl.so");
        assertEquals("/from/config/liblsl.so", s.library(c));
        environment.put(Lsl.LIBRARY_ENV, "/from/env/liblsl.so");
        assertEquals("/from/env/liblsl.so", s.library(c));
        properties.put(Lsl.LIBRARY_PROPERTY, " /from/property/liblsl.so ");
        assertEquals("/from/property/liblsl.so", s.library(c));
    }
}
