package org.bcistream.streaming.lsl.internal.wire;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML from the network is parsed and queried with hardened JDK factories: no DTDs, no external entities, no
 * XInclude, secure processing on (XPath without extension functions).
 */
public final class SafeXml {
    private SafeXml() {}

    /**
     * Parses {@code xml} into a DOM.
     *
     * @throws SAXException if the XML is malformed
     */
    public static Document parse(String xml) throws SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    /** A new XPath 1.0 evaluator (not thread-safe). */
    public static XPath newXPath() {
        try {
            XPathFactory f = XPathFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newXPath();
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("the JDK XPath factory lacks secure processing", e);
        }
    }
}
