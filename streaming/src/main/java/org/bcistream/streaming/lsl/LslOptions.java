package org.bcistream.streaming.lsl;

import java.util.List;

/**
 * Every {@code lsl_api.cfg} setting with liblsl's default (spec section 4), plus the two {@code [bcistream]}
 * settings that pick the implementation (liblsl ignores unknown keys, so one file serves both). Settings marked
 * "native only" are handed to liblsl and have no effect on the pure-Java implementation.
 */
public final class LslOptions {
    private static final int MAX_PORT = 65535;

    /** Log verbosity, -3..9 (native only; the Java implementation logs through SLF4J). */
    public static final LslOption<Integer> LOG_LEVEL =
            LslOption.intOption("log.level", 0, -3, 9, "liblsl log verbosity (native only)");
    /** Log file (native only). */
    public static final LslOption<String> LOG_FILE = LslOption.stringOption("log.file", "", false,
            "liblsl log file (native only)");
    /** The UDP port of the multicast responders. */
    public static final LslOption<Integer> MULTICAST_PORT = LslOption.intOption("ports.MulticastPort", 16571, 1,
            MAX_PORT, "UDP port the outlets' responders listen on for discovery queries");
    /** First port of the range that outlets and resolvers bind. */
    public static final LslOption<Integer> BASE_PORT = LslOption.intOption("ports.BasePort", 16572, 1, MAX_PORT,
            "first TCP data / UDP service port an outlet tries, also the unicast resolve target range");
    /** Number of ports in the range. */
    public static final LslOption<Integer> PORT_RANGE =
            LslOption.intOption("ports.PortRange", 32, 0, MAX_PORT, "number of ports from BasePort on");
    /** Whether to fall back to an OS-chosen port when the range is full. */
    public static final LslOption<Boolean> ALLOW_RANDOM_PORTS = LslOption.boolOption("ports.AllowRandomPorts", true,
            "bind an OS-assigned port when the range is exhausted (only the literal 1 is true)");
    /** Which IP stacks to use. */
    public static final LslOption<IpMode> IPV6 = LslOption.enumOption("ports.IPv6", IpMode.ALLOW, IpMode::parse,
            IpMode::configName, "allow (IPv4 and IPv6), disable (IPv4 only) or force (IPv6 only)");
    /** How far discovery queries travel. */
    public static final LslOption<ResolveScope> RESOLVE_SCOPE = LslOption.enumOption("multicast.ResolveScope",
            ResolveScope.SITE, ResolveScope::parse, ResolveScope::configName,
            "machine, link, site, organization or global");
    /** Local address the responders bind, empty = any. */
    public static final LslOption<String> LISTEN_ADDRESS =
            LslOption.stringOption("multicast.ListenAddress", "", false,
                    "local address the responders bind, empty = any");
    /** The IPv6 multicast group suffix after {@code FF0x:}. */
    public static final LslOption<String> IPV6_MULTICAST_GROUP = LslOption.stringOption(
            "multicast.IPv6MulticastGroup", "113D:6FDD:2C17:A643:FFE2:1BD1:3CD2", true,
            "IPv6 multicast group, appended to FF02:/FF05:/FF08:/FF0E:");
    /** Addresses of the machine scope. */
    public static final LslOption<List<String>> MACHINE_ADDRESSES = LslOption.setOption(
            "multicast.MachineAddresses", List.of("127.0.0.1"), "addresses queried in every scope");
    /** Addresses added by the link scope. */
    public static final LslOption<List<String>> LINK_ADDRESSES = LslOption.setOption("multicast.LinkAddresses",
            List.of("255.255.255.255", "224.0.0.1", "224.0.0.183"), "addresses added from scope link on");
    /** Addresses added by the site scope. */
    public static final LslOption<List<String>> SITE_ADDRESSES = LslOption.setOption("multicast.SiteAddresses",
            List.of("239.255.172.215"), "addresses added from scope site on");
    /** Addresses added by the organization scope. */
    public static final LslOption<List<String>> ORGANIZATION_ADDRESSES = LslOption.setOption(
            "multicast.OrganizationAddresses", List.of(), "addresses added from scope organization on");
    /** Addresses added by the global scope. */
    public static final LslOption<List<String>> GLOBAL_ADDRESSES =
            LslOption.setOption("multicast.GlobalAddresses", List.of(), "addresses added in scope global");
    /** Replaces the scope's TTL when {@code >= 0}. */
    public static final LslOption<Integer> TTL_OVERRIDE =
            LslOption.intOption("multicast.TTLOverride", -1, -1, 255, "multicast TTL; -1 = the scope's");
    /** Replaces the whole address list when non-empty. */
    public static final LslOption<List<String>> ADDRESSES_OVERRIDE = LslOption.setOption(
            "multicast.AddressesOverride", List.of(), "replaces the scope's address list when non-empty");
    /** Local interface addresses for multicast; empty = every multicast-capable interface. */
    public static final LslOption<List<String>> INTERFACES = LslOption.setOption("multicast.Interfaces", List.of(),
            "local interface addresses used for multicast; empty = all that are up and multicast-capable");
    /** Hosts queried by unicast on every port of the range. */
    public static final LslOption<List<String>> KNOWN_PEERS = LslOption.setOption("lab.KnownPeers", List.of(),
            "host names or addresses whose service ports BasePort.. are queried by unicast");
    /** The session id streams and queries carry. */
    public static final LslOption<String> SESSION_ID =
            LslOption.stringOption("lab.SessionID", "default", true,
                    "session id: resolves only see streams of the same id");
    /** Protocol version to speak, capped at 110. */
    public static final LslOption<Integer> USE_PROTOCOL_VERSION = LslOption.intOption("tuning.UseProtocolVersion",
            Lsl.PROTOCOL_VERSION, 100, Integer.MAX_VALUE, "protocol version x 100; values above 110 mean 110");
    /** Seconds between watchdog checks of an inlet. */
    public static final LslOption<Double> WATCHDOG_CHECK_INTERVAL = LslOption.doubleOption(
            "tuning.WatchdogCheckInterval", 15.0, true, "seconds between an inlet's checks for a stalled stream");
    /** Seconds without data before the watchdog re-resolves. */
    public static final LslOption<Double> WATCHDOG_TIME_THRESHOLD = LslOption.doubleOption(
            "tuning.WatchdogTimeThreshold", 15.0, true, "seconds without data before an inlet re-resolves");
    /** Multicast wave period of one-shot resolves. */
    public static final LslOption<Double> MULTICAST_MIN_RTT =
            LslOption.doubleOption("tuning.MulticastMinRTT", 0.5, true, "seconds between multicast query waves");
    /** Lifetime of a multicast resolve attempt (the Java resolver keeps one socket and ignores it). */
    public static final LslOption<Double> MULTICAST_MAX_RTT = LslOption.doubleOption("tuning.MulticastMaxRTT", 3.0,
            true, "seconds a liblsl multicast attempt listens (native only)");
    /** Extra wave delay when known peers are queried. */
    public static final LslOption<Double> UNICAST_MIN_RTT = LslOption.doubleOption("tuning.UnicastMinRTT", 0.75,
            true, "seconds added to the wave period when KnownPeers are queried");
    /** Lifetime of a unicast resolve attempt (native only). */
    public static final LslOption<Double> UNICAST_MAX_RTT = LslOption.doubleOption("tuning.UnicastMaxRTT", 5.0,
            true, "seconds a liblsl unicast attempt listens (native only)");
    /** Wave period added for continuous resolvers (native only). */
    public static final LslOption<Double> CONTINUOUS_RESOLVE_INTERVAL = LslOption.doubleOption(
            "tuning.ContinuousResolveInterval", 0.5, true, "continuous resolver wave interval (native only)");
    /** Windows timer resolution in ms (native only). */
    public static final LslOption<Integer> TIMER_RESOLUTION = LslOption.intOption("tuning.TimerResolution", 1, 0,
            Integer.MAX_VALUE, "Windows timer resolution in ms (native only)");
    /** Cached query results per outlet. */
    public static final LslOption<Integer> MAX_CACHED_QUERIES = LslOption.intOption("tuning.MaxCachedQueries", 100,
            0, Integer.MAX_VALUE, "query match results an outlet caches");
    /** Seconds between time-correction rounds. */
    public static final LslOption<Double> TIME_UPDATE_INTERVAL = LslOption.doubleOption("tuning.TimeUpdateInterval",
            2.0, true, "seconds between time-correction rounds");
    /** Replies a round needs to count. */
    public static final LslOption<Integer> TIME_UPDATE_MIN_PROBES = LslOption.intOption("tuning.TimeUpdateMinProbes",
            6, 0, Integer.MAX_VALUE, "replies a time-correction round needs");
    /** Probes per round. */
    public static final LslOption<Integer> TIME_PROBE_COUNT = LslOption.intOption("tuning.TimeProbeCount", 8, 1,
            Integer.MAX_VALUE, "time probes per round");
    /** Seconds between probes. */
    public static final LslOption<Double> TIME_PROBE_INTERVAL = LslOption.doubleOption("tuning.TimeProbeInterval",
            0.064, false, "seconds between the probes of a round");
    /** Seconds a round waits for late replies after its last probe. */
    public static final LslOption<Double> TIME_PROBE_MAX_RTT = LslOption.doubleOption("tuning.TimeProbeMaxRTT",
            0.128, true, "seconds a round waits for replies after its probes");
    /** Outlet pre-allocation in ms (native only). */
    public static final LslOption<Integer> OUTLET_BUFFER_RESERVE_MS = LslOption.intOption(
            "tuning.OutletBufferReserveMs", 5000, 0, Integer.MAX_VALUE, "outlet pre-allocation in ms (native only)");
    /** Outlet pre-allocation in samples (native only). */
    public static final LslOption<Integer> OUTLET_BUFFER_RESERVE_SAMPLES = LslOption.intOption(
            "tuning.OutletBufferReserveSamples", 128, 0, Integer.MAX_VALUE, "outlet pre-allocation (native only)");
    /** TCP send buffer size in bytes, 0 = OS default. */
    public static final LslOption<Integer> SEND_SOCKET_BUFFER_SIZE = LslOption.intOption(
            "tuning.SendSocketBufferSize", 0, 0, Integer.MAX_VALUE, "TCP send buffer of data connections, 0 = OS");
    /** Inlet pre-allocation in ms (native only). */
    public static final LslOption<Integer> INLET_BUFFER_RESERVE_MS = LslOption.intOption(
            "tuning.InletBufferReserveMs", 5000, 0, Integer.MAX_VALUE, "inlet pre-allocation in ms (native only)");
    /** Inlet pre-allocation in samples (native only). */
    public static final LslOption<Integer> INLET_BUFFER_RESERVE_SAMPLES = LslOption.intOption(
            "tuning.InletBufferReserveSamples", 128, 0, Integer.MAX_VALUE, "inlet pre-allocation (native only)");
    /** TCP receive buffer size in bytes, 0 = OS default. */
    public static final LslOption<Integer> RECEIVE_SOCKET_BUFFER_SIZE = LslOption.intOption(
            "tuning.ReceiveSocketBufferSize", 0, 0, Integer.MAX_VALUE, "TCP receive buffer of data connections, 0 = OS");
    /** Dejitter half time in seconds (native only: the Java inlet has no post-processing). */
    public static final LslOption<Double> SMOOTHING_HALFTIME = LslOption.doubleOption("tuning.SmoothingHalftime",
            90.0, true, "dejitter half time in seconds (native only)");
    /** Whether outlets ignore pushed time stamps and use the local clock. */
    public static final LslOption<Boolean> FORCE_DEFAULT_TIMESTAMPS = LslOption.boolOption(
            "tuning.ForceDefaultTimestamps", false, "outlets stamp every sample with their clock, ignoring the caller's");
    /** Which implementation {@link Lsl#open(LslConfig)} uses; the system property overrides it. */
    public static final LslOption<LslImplementation> IMPLEMENTATION = LslOption.enumOption(
            "bcistream.Implementation", LslImplementation.AUTO, LslImplementation::parse,
            i -> i.name().toLowerCase(java.util.Locale.ROOT),
            "auto, native or java; overridden by -D" + Lsl.IMPLEMENTATION_PROPERTY);
    /** Path or name of liblsl; the system property and environment variable override it. */
    public static final LslOption<String> NATIVE_LIBRARY = LslOption.stringOption("bcistream.NativeLibrary", "", false,
            "liblsl path or name, empty = JNA's search for 'lsl'; overridden by -D" + Lsl.LIBRARY_PROPERTY + " and $"
                    + Lsl.LIBRARY_ENV);

    /** All settings, in {@code lsl_api.cfg} order. */
    public static final List<LslOption<?>> ALL = List.of(LOG_LEVEL, LOG_FILE, MULTICAST_PORT, BASE_PORT, PORT_RANGE,
            ALLOW_RANDOM_PORTS, IPV6, RESOLVE_SCOPE, LISTEN_ADDRESS, IPV6_MULTICAST_GROUP, MACHINE_ADDRESSES,
            LINK_ADDRESSES, SITE_ADDRESSES, ORGANIZATION_ADDRESSES, GLOBAL_ADDRESSES, TTL_OVERRIDE, ADDRESSES_OVERRIDE,
            INTERFACES, KNOWN_PEERS, SESSION_ID, USE_PROTOCOL_VERSION, WATCHDOG_CHECK_INTERVAL,
            WATCHDOG_TIME_THRESHOLD, MULTICAST_MIN_RTT, MULTICAST_MAX_RTT, UNICAST_MIN_RTT, UNICAST_MAX_RTT,
            CONTINUOUS_RESOLVE_INTERVAL, TIMER_RESOLUTION, MAX_CACHED_QUERIES, TIME_UPDATE_INTERVAL,
            TIME_UPDATE_MIN_PROBES, TIME_PROBE_COUNT, TIME_PROBE_INTERVAL, TIME_PROBE_MAX_RTT,
            OUTLET_BUFFER_RESERVE_MS, OUTLET_BUFFER_RESERVE_SAMPLES, SEND_SOCKET_BUFFER_SIZE, INLET_BUFFER_RESERVE_MS,
            INLET_BUFFER_RESERVE_SAMPLES, RECEIVE_SOCKET_BUFFER_SIZE, SMOOTHING_HALFTIME, FORCE_DEFAULT_TIMESTAMPS,
            IMPLEMENTATION, NATIVE_LIBRARY);

    private LslOptions() {}
}
