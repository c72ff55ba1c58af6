package org.bcistream.streaming.lsl;

/**
 * How far discovery queries travel ({@code multicast.ResolveScope}): each scope adds its address group to the
 * narrower ones and sets the multicast TTL.
 */
public enum ResolveScope {
    /** This machine: {@code MachineAddresses}, TTL 0. */
    MACHINE("machine", 0),
    /** The local link: adds {@code LinkAddresses} and FF02::, TTL 1. */
    LINK("link", 1),
    /** The site (liblsl's default): adds {@code SiteAddresses} and FF05::, TTL 24. */
    SITE("site", 24),
    /** The organization: adds {@code OrganizationAddresses} and FF08::, TTL 32. */
    ORGANIZATION("organization", 32),
    /** Everywhere: adds {@code GlobalAddresses} and FF0E::, TTL 255. */
    GLOBAL("global", 255);

    private final String configName;
    private final int ttl;

    ResolveScope(String configName, int ttl) {
        this.configName = configName;
        this.ttl = ttl;
    }

    /** The {@code lsl_api.cfg} spelling. */
    public String configName() {
        return configName;
    }

    /** The multicast TTL (IPv6 hop limit) of this scope. */
    public int ttl() {
        return ttl;
    }

    /**
     * The scope spelled {@code text} exactly (liblsl compares case-sensitively).
     *
     * @throws LslConfigException for any other text
     */
    public static ResolveScope parse(String text) {
        for (ResolveScope s : values()) {
            if (s.configName.equals(text)) {
                return s;
            }
        }
        throw new LslConfigException("unsupported multicast.ResolveScope '" + text
                + "' (valid: machine, link, site, organization, global)");
    }
}
