/**
 * The pure-Java LSL implementation ({@link org.bcistream.streaming.lsl.internal.pure.PureLslRuntime}).
 *
 * <pre>
 *   outlet, per IP stack                              inlet
 *     UDP :MulticastPort responder  ◄── query ──  Resolver (waves to scope addresses, known peers' port range)
 *     UDP service port (range)      ◄── query / LSL:timedata ── TimeReceiver (8 probes / 2 s, min RTT wins)
 *     TCP data port (range)         ◄── LSL:fullinfo / streamfeed ── FeedClient (receiver thread, recovery)
 *       └─ FeedSession per consumer: SampleRing (drop oldest) ─► socket
 *   push ─► ConsumerRegistry ─► every consumer's SampleRing         socket ─► inlet SampleRing (drop oldest) ─► pull
 * </pre>
 *
 * Threads are daemons named {@code lsl-outlet-<stream>-...} and {@code lsl-inlet-<stream>-...}; closing a runtime,
 * outlet or inlet closes its sockets and joins its threads. Internal: use the API of the parent package.
 */
package org.bcistream.streaming.lsl.internal.pure;
