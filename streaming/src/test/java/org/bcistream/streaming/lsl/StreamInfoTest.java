package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamInfoTest {

    @Test
    void validatesDeclaredFields() {
        assertThrows(LslArgumentException.class, () -> new StreamInfo("", "EEG", 1, 1, ChannelFormat.FLOAT32));
        assertThrows(LslArgumentException.class, () -> new StreamInfo("a", "EEG", -1, 1, ChannelFormat.FLOAT32));
        assertThrows(LslArgumentException.class, () -> new StreamInfo("a", "EEG", 1, -1, ChannelFormat.FLOAT32));
        assertThrows(LslArgumentException.class, () -> new StreamInfo("a", "EEG", 1, Double.NaN, ChannelFormat.INT8));
        assertThrows(LslArgumentException.class, () -> new StreamInfo("a", "EEG", 1, 1, null));
        assertThrows(LslArgumentException.class, () -> StreamInfo.builder().name("a").v4("", 70000, 0).build());
        StreamInfo info = new StreamInfo("a", "EEG", 2, 250, ChannelFormat.INT16);
        assertEquals("", info.sourceId());
        assertEquals(110, info.version());
        assertEquals("", info.uid());
    }

    @Test
    void channelHelpersWriteTheXdfConvention() {
        StreamInfo info = new StreamInfo("cap", "EEG", 2, 250, ChannelFormat.FLOAT32, "cap-1");
        info.setChannels(List.of(new ChannelInfo("C3", "microvolts", "EEG"), ChannelInfo.labelled("C4")));
        assertEquals(List.of("C3", "C4"), info.channelLabels());
        assertEquals(new ChannelInfo("C4", "", ""), info.channels().get(1));
        XmlElement c3 = info.desc().child("channels").orElseThrow().children("channel").get(0);
        assertEquals("microvolts", c3.childValue("unit"));
        info.setChannels(List.of(ChannelInfo.labelled("X"), ChannelInfo.labelled("Y")));
        assertEquals(1, info.desc().children("channels").size(), "replaced, not appended");
        assertThrows(LslArgumentException.class, () -> info.setChannels(List.of(ChannelInfo.labelled("X"))));
    }

    @Test
    void copiesDoNotShareTheDescTree() {
        StreamInfo info = new StreamInfo("cap", "EEG", 1, 250, ChannelFormat.FLOAT32);
        info.desc().appendChildValue("manufacturer", "Acme");
        StreamInfo copy = info.copy();
        copy.desc().setChildValue("manufacturer", "Other");
        assertEquals("Acme", info.desc().childValue("manufacturer"));
        assertTrue(info.toBuilder().uid("u").build().desc().sameTree(info.desc()));
    }

    @Test
    void xmlElementEditing() {
        XmlElement root = new XmlElement("desc");
        XmlElement a = root.appendChild("a");
        root.prependChild("first");
        root.appendChildValue("b", "1").setChildValue("b", "2").setChildValue("c", "3");
        assertEquals(List.of("first", "a", "b", "c"), root.children().stream().map(XmlElement::name).toList());
        assertEquals("2", root.childValue("b"));
        assertEquals("", root.childValue("missing"));
        assertEquals(root, a.parent().orElseThrow());
        XmlElement copy = root.appendCopy(a);
        assertFalse(copy == a);
        assertEquals(2, root.removeChildren("a"));
        assertTrue(root.removeChild(root.child("c").orElseThrow()));
        assertThrows(LslArgumentException.class, () -> root.appendChild("not a name"));
        assertThrows(UnsupportedOperationException.class, () -> root.children().clear());
    }
}
