package org.bcistream.streaming.lsl;

/**
 * The entry point of the LSL API: {@link #open(LslConfig)} gives a runtime of the native or the pure-Java
 * implementation, and the liblsl constants live here.
 *
 * <p>Choice of implementation: the system property {@value #IMPLEMENTATION_PROPERTY} ({@code auto|native|java}) if
 * set, else {@link LslOptions#IMPLEMENTATION} of the configuration ({@code auto} by default). {@code auto} uses liblsl
 * when it loads and the pure-Java implementation otherwise; {@code native} fails with {@link LslUnavailableException}
 * when it does not. The library is {@value #LIBRARY_PROPERTY}, else {@code $}{@value #LIBRARY_ENV}, else
 * {@link LslOptions#NATIVE_LIBRARY}, else JNA's search for {@code lsl}.
 *
 * <pre>{@code
 * try (LslRuntime lsl = Lsl.open(LslConfig.load())) {
 *     StreamInfo info = new StreamInfo("Cap", "EEG", 8, 250.0, ChannelFormat.FLOAT32, "cap-1234");
 *     StreamOutlet outlet = lsl.createOutlet(info);
 *     outlet.pushSample(new float[8]);
 *     StreamInlet inlet = lsl.createInlet(lsl.resolveByProperty("type", "EEG", 1, 5.0).get(0));
 *     float[] sample = new float[8];
 *     double t = inlet.pullSample(sample, 1.0) + inlet.timeCorrection(2.0);
 * }
 * }</pre>
 */
public final class Lsl {
    /** Nominal rate of irregular streams. */
    public static final double IRREGULAR_RATE = 0.0;
    /** A push time stamp that makes the receiver deduce the sample's time from the previous one. */
    public static final double DEDUCED_TIMESTAMP = -1.0;
    /** A timeout that never expires (liblsl's {@code LSL_FOREVER}, seconds). */
    public static final double FOREVER = 32000000.0;
    /** The protocol version spoken, 1.10. */
    public static final int PROTOCOL_VERSION = 110;
    /** System property that forces the implementation: {@code auto}, {@code native} or {@code java}. */
    public static final String IMPLEMENTATION_PROPERTY = "bcistream.lsl.implementation";
    /** System property naming the liblsl file or library name. */
    public static final String LIBRARY_PROPERTY = "bcistream.lsl.library";
    /** Environment variable naming the liblsl file or library name. */
    public static final String LIBRARY_ENV = "BCISTREAM_LSL_LIBRARY";

    private Lsl() {}

    /** A runtime for {@link LslConfig#load()}. */
    public static LslRuntime open() {
        return open(LslConfig.load());
    }

    /**
     * A runtime of the implementation chosen as the class comment says.
     *
     * @throws LslUnavailableException if the native implementation is demanded and liblsl cannot be loaded
     * @throws LslConfigException if the system property names no implementation
     */
    public static LslRuntime open(LslConfig config) {
        return RuntimeSelector.system().open(config);
    }

    /** The LSL clock in seconds (monotonic; liblsl's {@code lsl_local_clock}). */
    public static double localClock() {
        return LslClock.SYSTEM.now();
    }
}
