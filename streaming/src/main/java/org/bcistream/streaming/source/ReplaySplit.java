package org.bcistream.streaming.source;

/**
 * One recorded stream replayed as one session, and how far the replay has come.
 *
 * @param sessionIndex 1-based number of the session within the replay
 * @param spec the canonical text of the {@link ReplaySpec}
 * @param streamId the recording's id of the replayed stream
 * @param sessionId the session the stream is replayed as
 * @param chunkSamples samples per emitted chunk
 * @param samplesDone samples already emitted
 * @param markersDone markers already emitted (of the session's markers, in time order)
 */
public record ReplaySplit(
        int sessionIndex, String spec, String streamId, String sessionId, int chunkSamples, long samplesDone, int markersDone)
        implements IndexedSplit, java.io.Serializable {

    public ReplaySplit {
        if (chunkSamples < 1 || samplesDone < 0 || markersDone < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "replay split of %s: chunk %d samples, %d samples and %d markers done; none may be negative, chunk >= 1",
                    sessionId, chunkSamples, samplesDone, markersDone));
        }
    }

    @Override
    public String splitId() {
        return sessionIndex + ":" + sessionId;
    }
}
