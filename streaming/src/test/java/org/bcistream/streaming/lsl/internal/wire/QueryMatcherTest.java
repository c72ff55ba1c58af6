package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {

    @Test
    void predicatesSeeTheWholeInfoIncludingDesc() {
        StreamInfo info = StreamInfoXmlTest.capturedInfo();
        info.desc().appendChildValue("manufacturer", "Acme");
        QueryMatcher m = new QueryMatcher(info, 2);
        assertTrue(m.matches(""));
        assertTrue(m.matches("session_id='default' and type='EEG'"));
        assertTrue(m.matches("desc/manufacturer='Acme'"));
        assertTrue(m.matches("channel_count > 2 and starts-with(name, 'Test')"));
        assertFalse(m.matches("type='Markers'"));
        assertFalse(m.matches("desc/manufacturer='Other'"));
        assertFalse(m.matches("this is not ]] xpath"), "invalid queries do not match");
        assertTrue(m.matches("session_id='default' and type='EEG'"), "still right after cache eviction");
    }

    @Test
    void checkQueryRejectsInvalidXPath() {
        QueryMatcher.checkQuery("name='x' or type='y'");
        assertThrows(LslArgumentException.class, () -> QueryMatcher.checkQuery("name='x' and ("));
    }
}
