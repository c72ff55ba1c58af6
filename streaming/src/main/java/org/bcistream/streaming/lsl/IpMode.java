package org.bcistream.streaming.lsl;

/** Which IP stacks LSL uses ({@code ports.IPv6}). */
public enum IpMode {
    /** IPv4 and IPv6 ({@code allow}, also {@code allowed}). */
    ALLOW("allow"),
    /** IPv4 only ({@code disable}, also {@code disabled}). */
    DISABLE("disable"),
    /** IPv6 only ({@code force}, also {@code forced}). */
    FORCE("force");

    private final String configName;

    IpMode(String configName) {
        this.configName = configName;
    }

    /** The {@code lsl_api.cfg} spelling. */
    public String configName() {
        return configName;
    }

    /** Whether IPv4 sockets are used. */
    public boolean allowIpv4() {
        return this != FORCE;
    }

    /** Whether IPv6 sockets are used. */
    public boolean allowIpv6() {
        return this != DISABLE;
    }

    /**
     * The mode spelled {@code text}, accepting liblsl's spellings exactly.
     *
     * @throws LslConfigException for any other text
     */
    public static IpMode parse(String text) {
        switch (text) {
            case "allow":
            case "allowed":
                return ALLOW;
            case "disable":
            case "disabled":
                return DISABLE;
            case "force":
            case "forced":
                return FORCE;
            default:
                throw new LslConfigException("unsupported ports.IPv6 setting '" + text
                        + "' (valid: allow, disable, force)");
        }
    }
}
