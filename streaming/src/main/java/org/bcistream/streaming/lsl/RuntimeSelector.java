package org.bcistream.streaming.lsl;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bcistream.streaming.lsl.internal.jna.NativeLslRuntime;
import org.bcistream.streaming.lsl.internal.pure.PureLslRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between the native and the pure-Java runtime as {@link Lsl} documents; the property and environment
 * look-ups and both factories are injected so the choice can be tested without liblsl.
 */
final class RuntimeSelector {
    /** Opens the native runtime or explains why it cannot. */
    @FunctionalInterface
    interface NativeOpener {
        /**
         * @param library a path or library name, empty for the default search
         * @throws LslUnavailableException if liblsl cannot be loaded
         */
        LslRuntime open(LslConfig config, String library);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSelector.class);

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final NativeOpener nativeOpener;
    private final Function<LslConfig, LslRuntime> javaOpener;

    RuntimeSelector(UnaryOperator<String> properties, UnaryOperator<String> environment, NativeOpener nativeOpener,
            Function<LslConfig, LslRuntime> javaOpener) {
        this.properties = properties;
        this.environment = environment;
        this.nativeOpener = nativeOpener;
        this.javaOpener = javaOpener;
    }

    static RuntimeSelector system() {
        return new RuntimeSelector(System::getProperty, System::getenv, NativeLslRuntime::open, PureLslRuntime::new);
    }

    LslRuntime open(LslConfig config) {
        LslImplementation requested = requested(config);
        String library = library(config);
        switch (requested) {
            case JAVA:
                return javaOpener.apply(config);
            case NATIVE:
                return nativeOpener.open(config, library);
            default:
                try {
                    return nativeOpener.open(config, library);
                } catch (LslUnavailableException e) {
                    LOG.info("Using the pure-Java LSL implementation (liblsl not found; -D{}=<path to liblsl.so> selects it)",
                            Lsl.LIBRARY_PROPERTY);
                    LOG.debug("liblsl could not be loaded: {}", e.getMessage());
                    return javaOpener.apply(config);
                }
        }
    }

    /** The system property if set, else the configuration's choice. */
    LslImplementation requested(LslConfig config) {
        LslImplementation configured = config.get(LslOptions.IMPLEMENTATION);
        String property = properties.apply(Lsl.IMPLEMENTATION_PROPERTY);
        if (property == null || property.isBlank()) {
            return configured;
        }
        LslImplementation forced = LslImplementation.parse(property);
        if (forced != configured && configured != LslOptions.IMPLEMENTATION.defaultValue()) {
            LOG.info("-D{}={} overrides {} = {}", Lsl.IMPLEMENTATION_PROPERTY, property,
                    LslOptions.IMPLEMENTATION.key(), configured);
        }
        return forced;
    }

    /** The system property, else the environment variable, else the configured library ("" = default search). */
    String library(LslConfig config) {
        String property = properties.apply(Lsl.LIBRARY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String env = environment.apply(Lsl.LIBRARY_ENV);
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        return config.get(LslOptions.NATIVE_LIBRARY).trim();
    }
}
