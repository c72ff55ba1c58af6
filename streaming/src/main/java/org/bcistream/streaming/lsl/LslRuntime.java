package org.bcistream.streaming.lsl;

import java.util.List;

/**
 * One LSL implementation at work, made by {@link Lsl#open}: the factories of outlets and inlets and the resolve
 * functions. Closing it closes every outlet and inlet it made. Thread-safe.
 */
public interface LslRuntime extends AutoCloseable {

    /** {@link LslImplementation#JAVA} or {@link LslImplementation#NATIVE}. */
    LslImplementation implementation();

    /** The configuration in use. */
    LslConfig config();

    /** The LSL clock of this runtime in seconds ({@code lsl_local_clock}). */
    double localClock();

    /** The protocol version spoken, times 100 (110). */
    int protocolVersion();

    /** The library version times 100 (liblsl's for the native implementation). */
    int libraryVersion();

    /** A description of the implementation and its version. */
    String libraryInfo();

    /**
     * Every stream of this session visible within {@code waitTime} seconds (always waits the full time).
     */
    List<StreamInfo> resolveAll(double waitTime);

    /**
     * The streams whose {@code property} equals {@code value} (e.g. {@code type}, {@code EEG}); returns as soon as
     * {@code minimum} are found, or after {@code timeout} seconds with what was found.
     *
     * @throws LslArgumentException if the property or value cannot be put into a query
     */
    List<StreamInfo> resolveByProperty(String property, String value, int minimum, double timeout);

    /**
     * The streams matching an XPath 1.0 predicate on their {@code <info>} element, desc included, e.g.
     * {@code name='Cap' and desc/manufacturer='Acme'}; returns as {@link #resolveByProperty}.
     *
     * @throws LslArgumentException if the predicate is not valid XPath
     */
    List<StreamInfo> resolveByPredicate(String predicate, int minimum, double timeout);

    /** An outlet with {@link OutletOptions#DEFAULTS}. */
    default StreamOutlet createOutlet(StreamInfo info) {
        return createOutlet(info, OutletOptions.DEFAULTS);
    }

    /**
     * Publishes {@code info} (copied; the outlet sets uid, creation time, session id, host name and ports).
     *
     * @throws LslException if no socket could be opened
     */
    StreamOutlet createOutlet(StreamInfo info, OutletOptions options);

    /** An inlet with {@link InletOptions#DEFAULTS}. */
    default StreamInlet createInlet(StreamInfo info) {
        return createInlet(info, InletOptions.DEFAULTS);
    }

    /**
     * An inlet for a resolved stream; it connects lazily.
     *
     * @throws LslArgumentException if {@code info} was not resolved (has no address) or has a newer major protocol
     */
    StreamInlet createInlet(StreamInfo info, InletOptions options);

    /** Closes every outlet and inlet made by this runtime. Idempotent. */
    @Override
    void close();
}
