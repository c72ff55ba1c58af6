package org.bcistream.streaming.lsl.internal.wire;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.XmlElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The stream-info XML documents (spec 1.8) as liblsl (pugixml) writes them: declaration, {@code <info>} with its
 * children in the fixed order, one tab of indent per level, {@code <x />} for empty elements, doubles with 16
 * significant digits, the version as {@code version/100}. The shortinfo has an empty {@code <desc />}. Parsing
 * applies liblsl's checks (non-empty name and uid, known format, version > 0, ports 0..65535; numbers read as their
 * leading numeric prefix) and rounds the version instead of truncating it.
 */
public final class StreamInfoXml {
    private StreamInfoXml() {}

    /** The fullinfo ({@code withDesc}) or shortinfo document of {@code info}. */
    public static String write(StreamInfo info, boolean withDesc) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<info>\n");
        field(b, "name", info.name());
        field(b, "type", info.type());
        field(b, "channel_count", Integer.toString(info.channelCount()));
        field(b, "channel_format", info.channelFormat().xmlName());
        field(b, "source_id", info.sourceId());
        field(b, "nominal_srate", LslNumbers.xml(info.nominalSrate()));
        field(b, "version", LslNumbers.xml(info.version() / 100.0));
        field(b, "created_at", LslNumbers.xml(info.createdAt()));
        field(b, "uid", info.uid());
        field(b, "session_id", info.sessionId());
        field(b, "hostname", info.hostname());
        field(b, "v4address", info.v4Address());
        field(b, "v4data_port", Integer.toString(info.v4DataPort()));
        field(b, "v4service_port", Integer.toString(info.v4ServicePort()));
        field(b, "v6address", info.v6Address());
        field(b, "v6data_port", Integer.toString(info.v6DataPort()));
        field(b, "v6service_port", Integer.toString(info.v6ServicePort()));
        if (withDesc) {
            element(b, info.desc(), 1);
        } else {
            b.append("\t<desc />\n");
        }
        return b.append("</info>\n").toString();
    }

    /**
     * Parses a shortinfo or fullinfo document.
     *
     * @throws LslProtocolException if it is malformed or a field is invalid
     */
    public static StreamInfo parse(String xml) {
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SAXException e) {
            throw new LslProtocolException("malformed stream info XML: " + e.getMessage(), e);
        }
        Element info = doc.getDocumentElement();
        if (!info.getTagName().equals("info")) {
            throw new LslProtocolException("stream info root is <" + info.getTagName() + ">, expected <info>");
        }
        try {
            StreamInfo.Builder b = StreamInfo.builder()
                    .name(require(text(info, "name"), "name"))
                    .type(text(info, "type"))
                    .channelCount((int) integer(info, "channel_count", 0, Integer.MAX_VALUE))
                    .channelFormat(ChannelFormat.fromXmlName(text(info, "channel_format")))
                    .sourceId(text(info, "source_id"))
                    .nominalSrate(srate(info))
                    .version((int) Math.round(decimal(info, "version") * 100))
                    .createdAt(decimal(info, "created_at"))
                    .uid(require(text(info, "uid"), "uid"))
                    .sessionId(text(info, "session_id"))
                    .hostname(text(info, "hostname"))
                    .v4(text(info, "v4address"), (int) integer(info, "v4data_port", 0, 65535),
                            (int) integer(info, "v4service_port", 0, 65535))
                    .v6(text(info, "v6address"), (int) integer(info, "v6data_port", 0, 65535),
                            (int) integer(info, "v6service_port", 0, 65535));
            Element desc = child(info, "desc");
            if (desc != null) {
                b.desc(toTree(desc));
            }
            return b.build();
        } catch (LslArgumentException e) {
            throw new LslProtocolException("invalid stream info: " + e.getMessage(), e);
        }
    }

    /** The {@code <info>} element of a document, for query matching. */
    public static Element infoElement(String xml) {
        try {
            return SafeXml.parse(xml).getDocumentElement();
        } catch (SAXException e) {
            throw new LslProtocolException("malformed stream info XML: " + e.getMessage(), e);
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('\t');
        if (value.isEmpty()) {
            b.append('<').append(name).append(" />\n");
        } else {
            b.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static void element(StringBuilder b, XmlElement e, int depth) {
        String indent = "\t".repeat(depth);
        b.append(indent).append('<').append(e.name());
        if (e.children().isEmpty()) {
            if (e.value().isEmpty()) {
                b.append(" />\n");
            } else {
                b.append('>').append(escape(e.value())).append("</").append(e.name()).append(">\n");
            }
            return;
        }
        b.append('>').append(escape(e.value())).append('\n');
        for (XmlElement c : e.children()) {
            element(b, c, depth + 1);
        }
        b.append(indent).append("</").append(e.name()).append(">\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static XmlElement toTree(Element e) {
        XmlElement out = new XmlElement(e.getTagName());
        StringBuilder text = new StringBuilder();
        boolean hasElements = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                hasElements = true;
                out.appendCopy(toTree((Element) n));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        String value = text.toString();
        return out.setValue(hasElements || value.isBlank() ? value.strip() : value);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }

    private static String require(String value, String field) {
        if (value.isEmpty()) {
            throw new LslProtocolException("stream info has an empty <" + field + ">");
        }
        return value;
    }

    private static long integer(Element info, String field, long min, long max) {
        String t = text(info, field);
        OptionalLong v = LslNumbers.parseLongPrefix(t);
        if (v.isEmpty()) {
            throw new LslProtocolException("stream info field <" + field + "> is not a number: '" + t + "'");
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            throw new LslProtocolException("stream info field <" + field + "> = " + v.getAsLong() + " is outside "
                    + min + ".." + max);
        }
        return v.getAsLong();
    }

    private static double decimal(Element info, String field) {
        String t = text(info, field);
        OptionalDouble v = LslNumbers.parseDoublePrefix(t);
        if (v.isEmpty()) {
            throw new LslProtocolException("stream info field <" + field + "> is not a number: '" + t + "'");
        }
        return v.getAsDouble();
    }

    private static double srate(Element info) {
        integer(info, "nominal_srate", 0, Long.MAX_VALUE);
        return decimal(info, "nominal_srate");
    }
}
