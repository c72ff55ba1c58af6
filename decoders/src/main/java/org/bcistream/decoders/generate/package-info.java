/**
 * What the engine generates from a trigger's request: the {@link org.bcistream.decoders.generate.OutputGenerator}
 * contract (an image or speech chunk within a time budget) and its serialisable
 * {@link org.bcistream.decoders.generate.GeneratorFactory}, so a Flink operator can build one generator per
 * worker thread.
 */
package org.bcistream.decoders.generate;
