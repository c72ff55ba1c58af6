package org.bcistream.streaming.lsl.internal.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Decides whether a discovery query matches an outlet's stream (spec 1.4): the empty query matches everything,
 * otherwise the query is an XPath 1.0 boolean expression evaluated with the full {@code <info>} element (desc
 * included) as context node. An invalid query is logged and does not match. Results are cached per query string,
 * least recently used evicted beyond {@code maxCached}. Thread-safe.
 */
public final class QueryMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMatcher.class);

    private final Element info;
    private final XPath xpath = SafeXml.newXPath();
    private final Map<String, Boolean> cache;

    /** A matcher for the fullinfo of {@code stream}, caching up to {@code maxCached} results. */
    public QueryMatcher(StreamInfo stream, int maxCached) {
        this.info = StreamInfoXml.infoElement(stream.toFullInfoXml());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxCached;
            }
        };
    }

    /** Whether {@code query} matches. */
    public synchronized boolean matches(String query) {
        if (query.isEmpty()) {
            return true;
        }
        Boolean cached = cache.get(query);
        if (cached != null) {
            return cached;
        }
        boolean matched;
        try {
            matched = (Boolean) xpath.evaluate(query, info, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
            LOG.warn("Query \"{}\" error: {}", query, e.getMessage());
            matched = false;
        }
        cache.put(query, matched);
        return matched;
    }

    /**
     * Checks that {@code predicate} is a valid XPath 1.0 expression (as liblsl's {@code check_query}).
     *
     * @throws LslArgumentException if it is not
     */
    public static void checkQuery(String predicate) {
        try {
            SafeXml.newXPath().compile(predicate);
        } catch (XPathExpressionException e) {
            throw new LslArgumentException("invalid query '" + predicate + "': " + e.getMessage());
        }
    }
}
