package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.ChannelInfo;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamInfoXmlTest {
    /** Spec 1.8: the shortinfo a liblsl 1.17 outlet sent (captured). */
    static final String CAPTURED_SHORTINFO = "<?xml version=\"1.0\"?>\n"
            + "<info>\n"
            + "\t<name>TestStream</name>\n"
            + "\t<type>EEG</type>\n"
            + "\t<channel_count>3</channel_count>\n"
            + "\t<channel_format>float32</channel_format>\n"
            + "\t<source_id>src123</source_id>\n"
            + "\t<nominal_srate>100.0000000000000</nominal_srate>\n"
            + "\t<version>1.100000000000000</version>\n"
            + "\t<created_at>719.6429472640000</created_at>\n"
            + "\t<uid>b0812d58-fd12-4c3b-bc80-8e04607dc1cb</uid>\n"
            + "\t<session_id>default</session_id>\n"
            + "\t<hostname>vm</hostname>\n"
            + "\t<v4address />\n"
            + "\t<v4data_port>16572</v4data_port>\n"
            + "\t<v4service_port>16572</v4service_port>\n"
            + "\t<v6address />\n"
            + "\t<v6data_port>0</v6data_port>\n"
            + "\t<v6service_port>0</v6service_port>\n"
            + "\t<desc />\n"
            + "</info>\n";

    static StreamInfo capturedInfo() {
        return StreamInfo.builder().name("TestStream").type("EEG").channelCount(3).nominalSrate(100.0)
                .channelFormat(ChannelFormat.FLOAT32).sourceId("src123").createdAt(719.642947264)
                .uid("b0812d58-fd12-4c3b-bc80-8e04607dc1cb").sessionId("default").hostname("vm").v4("", 16572, 16572)
                .build();
    }

    @Test
    void shortinfoIsByteIdenticalToLiblsl() {
        assertEquals(CAPTURED_SHORTINFO, capturedInfo().toShortInfoXml());
    }

    @Test
    void capturedShortinfoParses() {
        StreamInfo info = StreamInfo.fromXml(CAPTURED_SHORTINFO);
        assertEquals("TestStream", info.name());
        assertEquals(3, info.channelCount());
        assertEquals(100.0, info.nominalSrate());
        assertEquals(ChannelFormat.FLOAT32, info.channelFormat());
        assertEquals(110, info.version());
        assertEquals(719.642947264, info.createdAt());
        assertEquals(16572, info.v4DataPort());
        assertEquals("", info.v4Address());
        assertEquals(CAPTURED_SHORTINFO, info.toShortInfoXml());
    }

    @Test
    void fullinfoCarriesTheDescTreeAndRoundTrips() {
        StreamInfo info = capturedInfo();
        info.setChannels(List.of(new ChannelInfo("C3", "microvolts", "EEG"), ChannelInfo.labelled("C4"),
                new ChannelInfo("Cz & <ref>", "", "EEG")));
        info.desc().appendChildValue("manufacturer", "Acme").appendChild("acquisition").appendChildValue("gain", "24");
        String xml = info.toFullInfoXml();
        assertTrue(xml.contains("\t<desc>\n\t\t<channels>\n\t\t\t<channel>\n\t\t\t\t<label>C3</label>\n"), xml);
        assertTrue(xml.contains("<label>Cz &amp; &lt;ref&gt;</label>"), xml);
        StreamInfo back = StreamInfo.fromXml(xml);
        assertTrue(back.desc().sameTree(info.desc()));
        assertEquals(info.channels(), back.channels());
        assertEquals("Acme", back.desc().childValue("manufacturer"));
        assertEquals(xml, back.toFullInfoXml());
        assertTrue(StreamInfo.fromXml(info.toShortInfoXml()).desc().children().isEmpty());
    }

    @Test
    void olderLiblslVersionTextIsRoundedNotTruncated() {
        String xml = CAPTURED_SHORTINFO.replace("1.100000000000000", "1.1000000000000001");
        assertEquals(110, StreamInfo.fromXml(xml).version());
        assertEquals(100, StreamInfo.fromXml(CAPTURED_SHORTINFO.replace("1.100000000000000", "0.99999999")).version());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "<name>TestStream</name>|<name />",
        "<uid>b0812d58-fd12-4c3b-bc80-8e04607dc1cb</uid>|<uid />",
        "float32|float128",
        "<version>1.100000000000000</version>|<version>0</version>",
        "<v4data_port>16572</v4data_port>|<v4data_port>70000</v4data_port>",
        "<channel_count>3</channel_count>|<channel_count>-3</channel_count>",
        "<nominal_srate>100.0000000000000</nominal_srate>|<nominal_srate>-1</nominal_srate>",
        "<created_at>719.6429472640000</created_at>|<created_at>soon</created_at>",
        "</info>|</inf>"
    })
    void invalidDocumentsAreProtocolErrors(String from, String to) {
        assertThrows(LslProtocolException.class, () -> StreamInfo.fromXml(CAPTURED_SHORTINFO.replace(from, to)));
    }

    @Test
    void doctypesAreRefused() {
        String evil = "<?xml version=\"1.0\"?>\n<!DOCTYPE info [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + CAPTURED_SHORTINFO.substring(CAPTURED_SHORTINFO.indexOf("<info>")).replace("vm", "&x;");
        assertThrows(LslProtocolException.class, () -> StreamInfo.fromXml(evil));
    }
}
