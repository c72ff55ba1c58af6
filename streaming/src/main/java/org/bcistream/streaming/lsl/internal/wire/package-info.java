/**
 * The LSL wire formats as pure functions and value types, shared by the Java outlet and inlet: discovery datagrams
 * ({@link org.bcistream.streaming.lsl.internal.wire.ShortInfoQuery}, {@link
 * org.bcistream.streaming.lsl.internal.wire.ShortInfoReply}), stream-info XML ({@link
 * org.bcistream.streaming.lsl.internal.wire.StreamInfoXml}, {@link org.bcistream.streaming.lsl.internal.wire.QueryMatcher}),
 * the streamfeed handshake ({@link org.bcistream.streaming.lsl.internal.wire.FeedRequest}, {@link
 * org.bcistream.streaming.lsl.internal.wire.FeedNegotiation}, {@link org.bcistream.streaming.lsl.internal.wire.FeedResponse}),
 * the sample layouts of protocols 1.10 and 1.00 ({@link org.bcistream.streaming.lsl.internal.wire.Protocol110}, {@link
 * org.bcistream.streaming.lsl.internal.wire.PortableArchive}) with their {@link
 * org.bcistream.streaming.lsl.internal.wire.TestPatterns}, and the time probes ({@link
 * org.bcistream.streaming.lsl.internal.wire.TimeProbe}).
 *
 * <pre>
 *   inlet                                   outlet data port (TCP)
 *     LSL:streamfeed/110 uid + headers ──►  negotiate: version, byte order, subnormals
 *                                      ◄──  LSL/110 200 OK + headers, blank line
 *                                      ◄──  test pattern 4, test pattern 2        (checked bit-exactly)
 *                                      ◄──  [tag][time stamp if tag != 1][values] ... (1.10)  or a 1.00 archive
 * </pre>
 *
 * Internal: not part of the engine's API.
 */
package org.bcistream.streaming.lsl.internal.wire;
