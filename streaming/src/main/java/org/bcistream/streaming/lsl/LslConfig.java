package org.bcistream.streaming.lsl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LSL configuration: every {@link LslOptions setting} of liblsl's {@code lsl_api.cfg}, typed, defaulted and
 * validated once when built, plus the derived discovery addresses and TTL. Immutable.
 *
 * <p>Where it comes from, as in liblsl (the first source found wins, and a file that fails to parse is logged and
 * skipped): the file named by the environment variable {@code LSLAPICFG}, the file given to {@link #load(Path)},
 * {@code ./lsl_api.cfg}, {@code ~/lsl_api/lsl_api.cfg}, {@code /etc/lsl_api/lsl_api.cfg}, else the defaults.
 *
 * <pre>{@code
 * LslConfig config = LslConfig.builder()
 *         .set(LslOptions.KNOWN_PEERS, List.of("127.0.0.1"))
 *         .set(LslOptions.RESOLVE_SCOPE, ResolveScope.MACHINE)
 *         .build();
 * }</pre>
 */
public final class LslConfig {
    private static final Logger LOG = LoggerFactory.getLogger(LslConfig.class);
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

    private final Map<LslOption<?>, Object> values;
    private final String origin;
    private final List<InetAddress> multicastAddresses;

    private LslConfig(Map<LslOption<?>, Object> values, String origin) {
        this.values = Map.copyOf(values);
        this.origin = origin;
        this.multicastAddresses = deriveMulticastAddresses();
    }

    /** liblsl's defaults. */
    public static LslConfig defaults() {
        return new Builder(new LinkedHashMap<>(), "defaults").build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>(), "built");
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(values), origin + " (modified)");
    }

    /**
     * Reads {@code lsl_api.cfg} text (liblsl's {@code lsl_set_config_content}); unknown keys are logged and ignored.
     *
     * @throws LslConfigException on the first syntax error or invalid value
     */
    public static LslConfig parse(String content) {
        return parse(content, "content");
    }

    static LslConfig parse(String content, String origin) {
        Map<String, String> raw = IniReader.read(content);
        Builder b = new Builder(new LinkedHashMap<>(), origin);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            LslOption<?> option = find(e.getKey());
            if (option == null) {
                LOG.warn("{}: unknown setting {} ignored (keys are case-sensitive)", origin, e.getKey());
            } else {
                b.values.put(option, option.parse(e.getValue()));
            }
        }
        return b.build();
    }

    /** The configuration found by liblsl's search order (never fails: falls back to the defaults). */
    public static LslConfig load() {
        return ConfigSearch.system().load(null);
    }

    /**
     * As {@link #load()}, with {@code configFile} searched after {@code $LSLAPICFG} and before the standard places
     * (liblsl's {@code lsl_set_config_filename}).
     */
    public static LslConfig load(Path configFile) {
        return ConfigSearch.system().load(configFile);
    }

    /** The value of {@code option}. */
    public <T> T get(LslOption<T> option) {
        @SuppressWarnings("unchecked") // values only ever holds a T under an LslOption<T> key (Builder.set)
        T value = (T) values.getOrDefault(option, option.defaultValue());
        return value;
    }

    /** Where this configuration came from, e.g. {@code defaults} or {@code file /etc/lsl_api/lsl_api.cfg}. */
    public String origin() {
        return origin;
    }

    /** Whether IPv4 is used ({@code ports.IPv6} is not {@code force}). */
    public boolean allowIpv4() {
        return get(LslOptions.IPV6).allowIpv4();
    }

    /** Whether IPv6 is used ({@code ports.IPv6} is not {@code disable}). */
    public boolean allowIpv6() {
        return get(LslOptions.IPV6).allowIpv6();
    }

    /**
     * The discovery targets on {@code ports.MulticastPort}: the address groups of the resolve scope and the
     * {@code FF0x:} IPv6 groups, or {@code AddressesOverride}, without the families that are off.
     */
    public List<InetAddress> multicastAddresses() {
        return multicastAddresses;
    }

    /** The multicast TTL: {@code TTLOverride} if {@code >= 0}, else the scope's. */
    public int multicastTtl() {
        int override = get(LslOptions.TTL_OVERRIDE);
        return override >= 0 ? override : get(LslOptions.RESOLVE_SCOPE).ttl();
    }

    /** The protocol version spoken, {@code min(110, UseProtocolVersion)}. */
    public int protocolVersion() {
        return Math.min(Lsl.PROTOCOL_VERSION, get(LslOptions.USE_PROTOCOL_VERSION));
    }

    /** The settings that differ from the defaults, as {@code lsl_api.cfg} text that {@link #parse} reads back. */
    public String toIni() {
        StringBuilder out = new StringBuilder();
        String section = null;
        for (LslOption<?> option : LslOptions.ALL) {
            if (!values.containsKey(option) || values.get(option).equals(option.defaultValue())) {
                continue;
            }
            String[] parts = option.key().split("\\.", 2);
            if (!parts[0].equals(section)) {
                section = parts[0];
                out.append('[').append(section).append("]\n");
            }
            out.append(parts[1]).append(" = ").append(formatted(option)).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "LslConfig[" + origin + "]";
    }

    private <T> String formatted(LslOption<T> option) {
        return option.format(get(option));
    }

    private static LslOption<?> find(String key) {
        for (LslOption<?> o : LslOptions.ALL) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        return null;
    }

    private List<InetAddress> deriveMulticastAddresses() {
        ResolveScope scope = get(LslOptions.RESOLVE_SCOPE);
        String group = get(LslOptions.IPV6_MULTICAST_GROUP);
        List<String> texts = new ArrayList<>(get(LslOptions.MACHINE_ADDRESSES));
        if (scope.compareTo(ResolveScope.LINK) >= 0) {
            texts.addAll(get(LslOptions.LINK_ADDRESSES));
            texts.add("FF02:" + group);
        }
        if (scope.compareTo(ResolveScope.SITE) >= 0) {
            texts.addAll(get(LslOptions.SITE_ADDRESSES));
            texts.add("FF05:" + group);
        }
        if (scope.compareTo(ResolveScope.ORGANIZATION) >= 0) {
            texts.addAll(get(LslOptions.ORGANIZATION_ADDRESSES));
            texts.add("FF08:" + group);
        }
        if (scope == ResolveScope.GLOBAL) {
            texts.addAll(get(LslOptions.GLOBAL_ADDRESSES));
            texts.add("FF0E:" + group);
        }
        List<String> override = get(LslOptions.ADDRESSES_OVERRIDE);
        if (!override.isEmpty()) {
            texts = override;
        }
        List<InetAddress> out = new ArrayList<>();
        for (String text : texts) {
            InetAddress a = ipLiteral(text);
            if (a.getAddress().length == 4 ? allowIpv4() : allowIpv6()) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses a numeric IP address without any name lookup.
     *
     * @throws LslConfigException if {@code text} is not an IPv4 or IPv6 literal
     */
    static InetAddress ipLiteral(String text) {
        if (IPV4_LITERAL.matcher(text).matches() || IPV6_LITERAL.matcher(text).matches()) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                throw new LslConfigException("'" + text + "' is not a valid IP address: " + e.getMessage());
            }
        }
        throw new LslConfigException("'" + text + "' is not a numeric IP address");
    }

    /** Sets settings; {@link #build()} checks every value and the derived addresses. */
    public static final class Builder {
        private final Map<LslOption<?>, Object> values;
        private final String origin;

        private Builder(Map<LslOption<?>, Object> values, String origin) {
            this.values = values;
            this.origin = origin;
        }

        /** Sets {@code option} to {@code value}. */
        public <T> Builder set(LslOption<T> option, T value) {
            values.put(option, value);
            return this;
        }

        /**
         * The configuration.
         *
         * @throws LslConfigException if a value is out of range or an address is not a numeric IP address
         */
        public LslConfig build() {
            for (Map.Entry<LslOption<?>, Object> e : values.entrySet()) {
                checkValue(e.getKey(), e.getValue());
            }
            LslConfig config = new LslConfig(values, origin);
            for (String a : config.get(LslOptions.INTERFACES)) {
                ipLiteral(a);
            }
            String listen = config.get(LslOptions.LISTEN_ADDRESS);
            if (!listen.isEmpty()) {
                ipLiteral(listen);
            }
            return config;
        }

        private static <T> void checkValue(LslOption<T> option, Object value) {
            @SuppressWarnings("unchecked") // set() only stores a T under an LslOption<T>
            T typed = (T) value;
            option.check(typed);
        }
    }
}
