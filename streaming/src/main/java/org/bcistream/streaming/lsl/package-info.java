/**
 * Lab Streaming Layer (LSL) for the engine: one API in the spirit of liblsl's Java binding, two implementations.
 *
 * <pre>
 *   Lsl.open(LslConfig) ──► LslRuntime ─┬─ resolveAll / resolveByProperty / resolveByPredicate ─► List&lt;StreamInfo&gt;
 *                                        ├─ createOutlet(StreamInfo, OutletOptions) ─► StreamOutlet  (push*)
 *                                        └─ createInlet(StreamInfo, InletOptions)   ─► StreamInlet   (pull*, timeCorrection)
 *
 *   implementation:  JAVA   internal.pure + internal.wire: the liblsl wire protocol (UDP discovery, TCP streamfeed
 *                           1.10 and 1.00, time-data exchange, lsl_api.cfg) in Java
 *                    NATIVE internal.jna: liblsl's C API through JNA, used when the library loads
 * </pre>
 *
 * <p>Units: time stamps and durations are seconds of the LSL clock ({@link org.bcistream.streaming.lsl.Lsl#localClock()},
 * monotonic); rates are Hz, 0 = irregular; buffer lengths are seconds or samples ({@link
 * org.bcistream.streaming.lsl.BufferUnit}); chunk counts are samples, never values. Errors are unchecked {@link
 * org.bcistream.streaming.lsl.LslException}s. The wire facts follow {@code shared/specs/lsl-and-xdf.md} sections 1-5.
 */
package org.bcistream.streaming.lsl;
