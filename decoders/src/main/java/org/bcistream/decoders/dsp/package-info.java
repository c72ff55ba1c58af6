/**
 * Digital signal processing without Flink: Butterworth and notch filter design that matches SciPy section
 * by section ({@link org.bcistream.decoders.dsp.Butterworth}, {@link org.bcistream.decoders.dsp.Notch}), the
 * second-order-section representation ({@link org.bcistream.decoders.dsp.SecondOrderSections}) and a
 * multichannel causal filter ({@link org.bcistream.decoders.dsp.SosFilter}) whose memory lives in an
 * explicit, serialisable state object ({@link org.bcistream.decoders.dsp.SosFilterState}).
 *
 * <p>Golden numbers come from {@code decoders/src/test/python/make_filter_fixtures.py} (SciPy).
 */
package org.bcistream.decoders.dsp;
