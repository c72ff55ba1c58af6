package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LslConfigTest {

    private static List<String> addresses(LslConfig c) {
        return c.multicastAddresses().stream().map(InetAddress::getHostAddress).collect(Collectors.toList());
    }

    @Test
    void defaultsAreLiblsls() {
        LslConfig c = LslConfig.defaults();
        assertEquals(16571, c.get(LslOptions.MULTICAST_PORT));
        assertEquals(16572, c.get(LslOptions.BASE_PORT));
        assertEquals(32, c.get(LslOptions.PORT_RANGE));
        assertTrue(c.get(LslOptions.ALLOW_RANDOM_PORTS));
        assertEquals(IpMode.ALLOW, c.get(LslOptions.IPV6));
        assertEquals(ResolveScope.SITE, c.get(LslOptions.RESOLVE_SCOPE));
        assertEquals("default", c.get(LslOptions.SESSION_ID));
        assertEquals(110, c.protocolVersion());
        assertEquals(15.0, c.get(LslOptions.WATCHDOG_CHECK_INTERVAL));
        assertEquals(0.5, c.get(LslOptions.MULTICAST_MIN_RTT));
        assertEquals(0.75, c.get(LslOptions.UNICAST_MIN_RTT));
        assertEquals(2.0, c.get(LslOptions.TIME_UPDATE_INTERVAL));
        assertEquals(6, c.get(LslOptions.TIME_UPDATE_MIN_PROBES));
        assertEquals(8, c.get(LslOptions.TIME_PROBE_COUNT));
        assertEquals(0.064, c.get(LslOptions.TIME_PROBE_INTERVAL));
        assertEquals(0.128, c.get(LslOptions.TIME_PROBE_MAX_RTT));
        assertEquals(100, c.get(LslOptions.MAX_CACHED_QUERIES));
        assertEquals(LslImplementation.AUTO, c.get(LslOptions.IMPLEMENTATION));
        // spec 1.2: the default list, TTL 24
        assertEquals(List.of("127.0.0.1", "255.255.255.255", "224.0.0.1", "224.0.0.183",
                "ff02:113d:6fdd:2c17:a643:ffe2:1bd1:3cd2", "239.255.172.215", "ff05:113d:6fdd:2c17:a643:ffe2:1bd1:3cd2"),
                addresses(c));
        assertEquals(24, c.multicastTtl());
        assertEquals("defaults", c.origin());
        assertEquals("", c.toIni());
    }

    @Test
    void parsesTheIniDialect() {
        LslConfig c = LslConfig.parse("; a comment\n[ports]\nBasePort = 17000\r\nIPv6=disable\n\n[multicast]\n"
                + "ResolveScope = link\nTTLOverride = 3\n[lab]\nKnownPeers = {host-a, 10.0.0.2 , }\nSessionID = lab7\n"
                + "[tuning]\nUseProtocolVersion = 130\nTimeProbeCount = 3\n");
        assertEquals(17000, c.get(LslOptions.BASE_PORT));
        assertEquals(IpMode.DISABLE, c.get(LslOptions.IPV6));
        assertEquals(List.of("host-a", "10.0.0.2"), c.get(LslOptions.KNOWN_PEERS));
        assertEquals("lab7", c.get(LslOptions.SESSION_ID));
        assertEquals(110, c.protocolVersion(), "capped at 110");
        assertEquals(3, c.multicastTtl());
        assertEquals(List.of("127.0.0.1", "255.255.255.255", "224.0.0.1", "224.0.0.183"), addresses(c),
                "link scope, IPv6 groups dropped");
        assertEquals(c.toIni(), LslConfig.parse(c.toIni()).toIni());
        assertEquals(17000, LslConfig.parse(c.toIni()).get(LslOptions.BASE_PORT));
    }

    @Test
    void quirksOfLiblsl() {
        LslConfig c = LslConfig.parse("[ports]\nAllowRandomPorts = true\nportrange = 5\nMulticastPort = 16000abc\n"
                + "[multicast]\nSiteAddresses = 239.1.2.3\nIPv6MulticastGroup = 1:2:3:4:5:6:7\n[tuning]\n"
                + "MulticastMinRTT = 0.25s\n");
        assertFalse(c.get(LslOptions.ALLOW_RANDOM_PORTS), "only the literal 1 is true");
        assertEquals(32, c.get(LslOptions.PORT_RANGE), "keys are case-sensitive: portrange is unknown");
        assertEquals(16000, c.get(LslOptions.MULTICAST_PORT), "numbers are their leading prefix");
        assertEquals(List.of(), c.get(LslOptions.SITE_ADDRESSES), "a set needs braces");
        assertEquals(0.25, c.get(LslOptions.MULTICAST_MIN_RTT));
        assertEquals("ff05:1:2:3:4:5:6:7", addresses(c).get(addresses(c).size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'[ports\nBasePort = 1'",
        "'[ports]\nBasePort'",
        "'[ports]\nBasePort = '",
        "'[ports]\n = 5'",
        "'[ports]\nBasePort = 1\nBasePort = 2'",
        "'[ports]\nIPv6 = sometimes'",
        "'[multicast]\nResolveScope = Site'",
        "'[log]\nlevel = 12'",
        "'[multicast]\nAddressesOverride = {not-an-address}'",
        "'[ports]\nBasePort = 70000'",
        "'[tuning]\nMulticastMinRTT = 0'"
    })
    void invalidContentIsAnError(String content) {
        assertThrows(LslConfigException.class, () -> LslConfig.parse(content.replace("\\n", "\n")));
    }

    @Test
    void ipv6SpellingsAndOverrides() {
        assertEquals(IpMode.ALLOW, LslConfig.parse("[ports]\nIPv6 = allowed\n").get(LslOptions.IPV6));
        assertEquals(IpMode.DISABLE, LslConfig.parse("[ports]\nIPv6 = disabled\n").get(LslOptions.IPV6));
        LslConfig forced = LslConfig.parse("[ports]\nIPv6 = forced\n[multicast]\nResolveScope = machine\n"
                + "MachineAddresses = {127.0.0.1, ::1}\n");
        assertFalse(forced.allowIpv4());
        assertEquals(List.of("0:0:0:0:0:0:0:1"), addresses(forced));
        assertEquals(0, forced.multicastTtl());
        LslConfig override = LslConfig.parse("[multicast]\nAddressesOverride = {239.9.9.9}\nResolveScope = global\n");
        assertEquals(List.of("239.9.9.9"), addresses(override));
        assertEquals(255, override.multicastTtl());
    }

    @Test
    void builderValidates() {
        assertThrows(LslConfigException.class,
                () -> LslConfig.builder().set(LslOptions.TIME_PROBE_COUNT, 0).build());
        assertThrows(LslConfigException.class,
                () -> LslConfig.builder().set(LslOptions.LISTEN_ADDRESS, "my-host").build());
        LslConfig c = LslConfig.builder().set(LslOptions.KNOWN_PEERS, List.of("127.0.0.1")).build();
        assertEquals("[lab]\nKnownPeers = {127.0.0.1}\n", c.toIni());
    }

    @Test
    void searchOrderIsLiblsls(@TempDir Path dir) throws IOException {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path etc = dir.resolve("etc.cfg");
        Path env = dir.resolve("env.cfg");
        Path api = dir.resolve("api.cfg");
        Files.createDirectories(home.resolve("lsl_api"));
        Files.writeString(etc, "[lab]\nSessionID = etc\n");
        Map<String, String> noEnv = Map.of();
        ConfigSearch search = new ConfigSearch(noEnv::get, cwd, home, etc);
        assertEquals("etc", search.load(null).get(LslOptions.SESSION_ID));
        Files.writeString(home.resolve("lsl_api/lsl_api.cfg"), "[lab]\nSessionID = home\n");
        assertEquals("home", search.load(null).get(LslOptions.SESSION_ID));
        Files.writeString(cwd.resolve("lsl_api.cfg"), "[lab]\nSessionID = cwd\n");
        assertEquals("cwd", search.load(null).get(LslOptions.SESSION_ID));
        Files.writeString(api, "[lab]\nSessionID = api\n");
        assertEquals("api", search.load(api).get(LslOptions.SESSION_ID));
        Files.writeString(env, "[lab]\nSessionID = env\n");
        Map<String, String> withEnv = Map.of("LSLAPICFG", env.toString());
        ConfigSearch envSearch = new ConfigSearch(withEnv::get, cwd, home, etc);
        assertEquals("env", envSearch.load(api).get(LslOptions.SESSION_ID), "LSLAPICFG wins over the API file");
        assertEquals("file " + env, envSearch.load(api).origin());

        Files.writeString(env, "[lab]\nSessionID\n");
        assertEquals("api", envSearch.load(api).get(LslOptions.SESSION_ID), "a broken file is skipped");
        Map<String, String> missing = Map.of("LSLAPICFG", dir.resolve("nope.cfg").toString());
        assertEquals("cwd", new ConfigSearch(missing::get, cwd, home, etc).load(null).get(LslOptions.SESSION_ID));
        Files.delete(cwd.resolve("lsl_api.cfg"));
        Files.delete(home.resolve("lsl_api/lsl_api.cfg"));
        Files.delete(etc);
        assertEquals("defaults", search.load(null).origin());
    }
}
