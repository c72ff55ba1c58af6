package org.bcistream.decoders.dsp;

import java.util.List;

/**
 * A transfer function as zeros, poles and a real gain, analog (s-plane) or digital (z-plane) depending on
 * the design step; an intermediate of {@link Butterworth}.
 *
 * @param zeros the zeros, complex ones with their conjugates
 * @param poles the poles, complex ones with their conjugates
 * @param gain the overall gain
 */
record ZeroPoleGain(List<Complex> zeros, List<Complex> poles, double gain) {
    ZeroPoleGain {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }
}
