package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DiscoveryMessagesTest {
    /** Spec 1.3: the query a liblsl 1.17 inlet sent for lsl_resolve_byprop("type","EEG") (captured). */
    static final String CAPTURED_QUERY =
            "LSL:shortinfo\r\nsession_id='default' and type='EEG'\r\n16573 9950725279836683897\r\n";

    @Test
    void queryDatagramIsTheCapturedOne() {
        ShortInfoQuery q = new ShortInfoQuery("session_id='default' and type='EEG'", 16573, "9950725279836683897");
        assertEquals(CAPTURED_QUERY, new String(q.encode(), StandardCharsets.US_ASCII));
        assertEquals(q, ShortInfoQuery.parse(CAPTURED_QUERY).orElseThrow());
    }

    @Test
    void queryParsingToleratesBareLineFeedsAndRejectsOtherMethods() {
        assertEquals("name='x'", ShortInfoQuery.parse("LSL:shortinfo\nname='x'\n1234 7\n").orElseThrow().query());
        assertEquals(1234, ShortInfoQuery.parse("  LSL:shortinfo \r\n\r\n1234 7").orElseThrow().returnPort());
        assertTrue(ShortInfoQuery.parse("LSL:timedata\r\n1 2\r\n").isEmpty());
        assertTrue(ShortInfoQuery.parse("LSL:shortinfo\r\nq\r\nport id\r\n").isEmpty());
        assertTrue(ShortInfoQuery.parse("LSL:shortinfo\r\nq\r\n1234\r\n").isEmpty());
        assertEquals("LSL:timedata", ShortInfoQuery.method("LSL:timedata \r\n1 2"));
    }

    @Test
    void replyIsTheIdThenTheShortinfo() {
        String xml = StreamInfoXmlTest.CAPTURED_SHORTINFO;
        String reply = new String(ShortInfoReply.encode("9950725279836683897", xml), StandardCharsets.UTF_8);
        assertEquals("9950725279836683897\r\n" + xml, reply);
        assertEquals(xml, ShortInfoReply.xmlIfFor("9950725279836683897", reply).orElseThrow());
        assertTrue(ShortInfoReply.xmlIfFor("1", reply).isEmpty());
        assertTrue(ShortInfoReply.xmlIfFor("9950725279836683897", "9950725279836683897").isEmpty());
    }

    @Test
    void timeProbeRequestAndReplyAreTheCapturedOnes() {
        // spec 3.2, captured request and reply
        assertEquals("LSL:timedata\r\n1804289383 834.4446041160001\r\n",
                new String(TimeProbe.encodeRequest(1804289383, 834.4446041160001), StandardCharsets.US_ASCII));
        TimeProbe request = TimeProbe.parseRequest("LSL:timedata\r\n1804289383 834.4446041160001\r\n").orElseThrow();
        assertEquals(1804289383, request.waveId());
        assertEquals(834.4446041160001, request.t0());

        String captured = " 31337 723.294081238 723.294289739 723.2943614660001";
        assertEquals(captured, new String(TimeProbe.encodeReply(31337, 723.294081238, 723.294289739,
                723.2943614660001), StandardCharsets.US_ASCII));
        TimeProbe reply = TimeProbe.parseReply(captured).orElseThrow();
        assertEquals(new TimeProbe(31337, 723.294081238, 723.294289739, 723.2943614660001), reply);
        assertTrue(TimeProbe.parseReply(" 1 2 3").isEmpty());
    }

    @Test
    void probeArithmetic() {
        // remote clock = local + 100; 2 ms each way, 1 ms in the outlet
        TimeProbe p = new TimeProbe(1, 10.000, 110.002, 110.003);
        double t3 = 10.005;
        assertEquals(0.004, p.roundTripTime(t3), 1e-9);
        assertEquals(100.0, p.offset(t3), 1e-9);
        assertEquals(110.0025, p.remoteTime(), 1e-9);
    }
}
