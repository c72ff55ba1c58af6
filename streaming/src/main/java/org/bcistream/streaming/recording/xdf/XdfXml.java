package org.bcistream.streaming.recording.xdf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses the XML payloads of XDF chunks, which come from untrusted files: no DTD (a {@code DOCTYPE} is
 * refused, so no entity can be declared or expanded), no external entities or schemas, no XInclude, JDK
 * secure-processing limits on, elements nested at most 64 deep. Bytes are decoded as UTF-8 with replacement characters, as pyxdf does.
 * One instance per reader; not thread-safe.
 */
final class XdfXml {
    /** The JDK parser's limit on element nesting; deeper documents fail to parse. */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    /** Nesting allowed: LSL headers go about six levels deep; the limit keeps DOM walks off the stack's edge. */
    private static final String MAX_DEPTH = "64";

    private final DocumentBuilder builder;

    XdfXml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, MAX_DEPTH);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support the secure settings XDF headers need", e);
        }
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document unusable
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
    }

    /**
     * Parses one chunk's XML and returns its root element.
     *
     * @param what the chunk, for messages (e.g. {@code StreamHeader of stream 3})
     * @param offset byte offset of the XML in the file, for messages
     * @param info whether the root must be {@code <info>} (stream headers and footers, whose fields are
     *     read; the file header is only checked to be well-formed, as pyxdf uses none of it)
     */
    Element parse(byte[] xml, String file, String what, long offset, boolean info) throws RecordingFormatException {
        String text = new String(xml, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        Document document;
        try {
            document = builder.parse(new InputSource(new StringReader(text.substring(start))));
        } catch (SAXParseException e) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: the %s XML (%d bytes) is not well-formed or not allowed (line %d, column %d): %s",
                    file, offset, what, xml.length, e.getLineNumber(), e.getColumnNumber(), e.getMessage()), e);
        } catch (SAXException | IOException e) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: the %s XML (%d bytes) cannot be parsed: %s", file, offset, what, xml.length,
                    e.getMessage()), e);
        }
        Element root = document.getDocumentElement();
        if (info && !"info".equals(root.getTagName())) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: the %s XML has root element <%s>; XDF requires <info>", file, offset, what,
                    root.getTagName()));
        }
        return root;
    }

    /** The first child element of {@code parent} named {@code name}, or null. */
    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The child elements of {@code parent} named {@code name}, in order (empty when {@code parent} is null). */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The trimmed text of the element at {@code path} below {@code parent}, or null when it is absent. */
    static String text(Element parent, String... path) {
        Element e = parent;
        for (String name : path) {
            e = child(e, name);
            if (e == null) {
                return null;
            }
        }
        return e.getTextContent().trim();
    }
}
