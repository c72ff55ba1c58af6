/**
 * The immutable records that flow between the decoding stages and through the Flink job. Each validates
 * its invariants on construction and reports violations as {@link org.bcistream.decoders.record.InvalidRecordException}
 * with the numbers.
 */
package org.bcistream.decoders.record;
