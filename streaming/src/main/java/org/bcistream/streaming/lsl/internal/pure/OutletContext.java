package org.bcistream.streaming.lsl.internal.pure;

import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.internal.wire.QueryMatcher;

/**
 * What an outlet's servers share: the published info and its two XML documents, the query matcher, the consumer
 * queues, the buffer and chunk sizes, the clock and the configuration.
 *
 * @param info the published stream info
 * @param shortInfoXml its shortinfo document
 * @param fullInfoXml its fullinfo document
 * @param matcher matches discovery queries against the full info
 * @param consumers the consumers' queues
 * @param bufferSamples the outlet's per-consumer queue capacity in samples
 * @param chunkSize samples per write, 0 = per push
 * @param clock the outlet's LSL clock
 * @param config the configuration
 * @param threadPrefix prefix of the outlet's thread names
 */
record OutletContext(StreamInfo info, String shortInfoXml, String fullInfoXml, QueryMatcher matcher,
        ConsumerRegistry consumers, int bufferSamples, int chunkSize, LslClock clock, LslConfig config,
        String threadPrefix) {}
