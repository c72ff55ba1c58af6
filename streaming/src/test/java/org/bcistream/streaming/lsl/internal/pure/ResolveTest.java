package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.IpMode;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Discovery on loopback: unicast to known peers, machine scope, and multicast where the host allows it. */
class ResolveTest {
    private final LslRuntime lsl = new PureLslRuntime(LslTestSupport.loopbackConfig());

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    private StreamOutlet outlet(LslRuntime runtime, String name, String type, String manufacturer) {
        StreamInfo info = new StreamInfo(name, type, 2, 50, ChannelFormat.FLOAT32, name);
        info.desc().appendChildValue("manufacturer", manufacturer);
        return runtime.createOutlet(info);
    }

    private static Set<String> names(List<StreamInfo> infos) {
        return infos.stream().map(StreamInfo::name).collect(Collectors.toSet());
    }

    @Test
    void byPropertyPredicateAndAll() {
        String type = LslTestSupport.unique("type");
        String a = LslTestSupport.unique("a");
        String b = LslTestSupport.unique("b");
        String maker = LslTestSupport.unique("Acme");
        try (StreamOutlet oa = outlet(lsl, a, type, maker); StreamOutlet ob = outlet(lsl, b, type, "Other")) {
            assertEquals(Set.of(oa.info().uid(), ob.info().uid()), lsl.resolveByProperty("type", type, 2, 10).stream()
                    .map(StreamInfo::uid).collect(Collectors.toSet()));
            List<StreamInfo> byDesc = lsl.resolveByPredicate("desc/manufacturer='" + maker + "'", 1, 10);
            assertEquals(Set.of(a), names(byDesc), "predicates see the desc");
            assertTrue(names(lsl.resolveAll(0.5)).containsAll(Set.of(a, b)));
            assertEquals(List.of(), lsl.resolveByPredicate("name='" + a + "' and type='nope'", 1, 0.4));
        }
    }

    @Test
    void invalidQueriesAreArgumentErrors() {
        assertThrows(LslArgumentException.class, () -> lsl.resolveByPredicate("name='x' and (", 1, 0.1));
        assertThrows(LslArgumentException.class, () -> lsl.resolveByProperty("name", "it's", 1, 0.1));
        assertThrows(LslArgumentException.class, () -> lsl.resolveByProperty("name = 'x' or 1", "x", 1, 0.1));
    }

    @Test
    void otherSessionsAreInvisible() {
        String name = LslTestSupport.unique("session");
        try (LslRuntime other = new PureLslRuntime(LslTestSupport.loopbackBuilder()
                .set(LslOptions.SESSION_ID, "other-session").build());
                StreamOutlet o = outlet(other, name, "EEG", "x")) {
            assertEquals(List.of(), lsl.resolveByProperty("name", name, 1, 0.5));
            assertEquals(o.info().uid(), other.resolveByProperty("name", name, 1, 10).get(0).uid());
        }
    }

    @Test
    void machineScopeWithoutPeersQueriesTheLocalResponder() throws IOException {
        // a port of its own: a unicast datagram reaches only one of the sockets sharing a port (spec 1.1)
        LslConfig machine = LslTestSupport.loopbackBuilder().set(LslOptions.KNOWN_PEERS, List.of())
                .set(LslOptions.MULTICAST_PORT, LslTestSupport.freeUdpPort()).build();
        String name = LslTestSupport.unique("machine");
        try (LslRuntime runtime = new PureLslRuntime(machine); StreamOutlet o = outlet(runtime, name, "EEG", "x")) {
            List<StreamInfo> found = runtime.resolveByProperty("name", name, 1, 10);
            assertEquals(List.of(o.info().uid()), found.stream().map(StreamInfo::uid).collect(Collectors.toList()));
            assertEquals("127.0.0.1", found.get(0).v4Address());
        }
    }

    @Test
    void multicastOnThisHostIfRouted() throws IOException {
        // TTL 0 keeps the datagrams on this machine
        LslConfig multicast = LslTestSupport.loopbackBuilder().set(LslOptions.KNOWN_PEERS, List.of())
                .set(LslOptions.MULTICAST_PORT, LslTestSupport.freeUdpPort())
                .set(LslOptions.ADDRESSES_OVERRIDE, List.of("239.255.172.215")).set(LslOptions.TTL_OVERRIDE, 0)
                .set(LslOptions.IPV6, IpMode.DISABLE).build();
        String name = LslTestSupport.unique("multicast");
        try (LslRuntime runtime = new PureLslRuntime(multicast); StreamOutlet o = outlet(runtime, name, "EEG", "x")) {
            List<StreamInfo> found = runtime.resolveByProperty("name", name, 1, 2.0);
            Assumptions.assumeFalse(found.isEmpty(), "this host does not deliver multicast to its own sockets");
            assertEquals(o.info().uid(), found.get(0).uid());
            assertTrue(!found.get(0).v4Address().isEmpty());
        }
    }
}
