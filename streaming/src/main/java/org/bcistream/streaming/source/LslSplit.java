package org.bcistream.streaming.source;

import java.io.Serializable;

/**
 * The one live stream of an LSL source. A live stream cannot be replayed, so a checkpoint holds only which
 * stream it is; a restored job reconnects and carries on from what the stream sends then.
 *
 * @param sessionIndex 1-based number of the session in the source
 * @param spec the canonical text of the {@link LslSourceSpec}
 * @param sessionId the session the stream is decoded as
 * @param sourceId the stream's LSL source id when it was resolved (reconnection prefers it), or empty
 */
public record LslSplit(int sessionIndex, String spec, String sessionId, String sourceId) implements IndexedSplit, Serializable {
    @Override
    public String splitId() {
        return sessionIndex + ":" + sessionId;
    }
}
