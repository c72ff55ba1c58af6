package org.bcistream.decoders.preprocess;

import org.bcistream.decoders.dsp.SosFilterState;

/**
 * The memory of a {@link Preprocessor} for one session: the delays of its filter cascade (notch sections
 * first, then band-pass sections) for every output channel. Channel mapping, scaling and re-referencing are
 * memoryless.
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter/setter per field) owned by one session; not
 * thread-safe. Create it with {@link Preprocessor#newState()}.
 */
public final class PreprocessState {
    private SosFilterState filter = new SosFilterState();

    /** An empty state for serialisers; use {@link Preprocessor#newState()} to get a usable one. */
    public PreprocessState() {}

    PreprocessState(SosFilterState filter) {
        this.filter = filter;
    }

    /** The filter cascade's memory; the live object, not a copy. */
    public SosFilterState getFilter() {
        return filter;
    }

    public void setFilter(SosFilterState filter) {
        this.filter = filter;
    }
}
