/**
 * A session's decoding chain as one plain-Java object with one state object: what the Flink job wraps and
 * what offline tools and tests call directly.
 */
package org.bcistream.decoders.pipeline;
