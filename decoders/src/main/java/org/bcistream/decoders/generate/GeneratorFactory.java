package org.bcistream.decoders.generate;

import java.io.IOException;
import java.io.Serializable;

/** Builds {@link OutputGenerator}s on the cluster (e.g. by loading a model bundle); shipped with the job. */
@FunctionalInterface
public interface GeneratorFactory extends Serializable {

    /** A new generator, for one thread. */
    OutputGenerator create() throws IOException;
}
