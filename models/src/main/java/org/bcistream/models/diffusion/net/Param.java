package org.bcistream.models.diffusion.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One named trainable tensor of a network: its value and gradient, contiguous C-order views of the flat
 * arrays of {@link NetworkParameters} (bound once all parameters are registered). Layers may keep views of
 * them. Each parameter is used exactly once per forward pass, so a backward pass overwrites (not adds to)
 * its gradient.
 */
final class Param {
    private final String name;
    private final int[] shape;
    private final int size;
    private INDArray value;
    private INDArray gradient;

    Param(String name, int[] shape, int size) {
        this.name = name;
        this.shape = shape;
        this.size = size;
    }

    void bind(INDArray valueView, INDArray gradientView) {
        this.value = valueView;
        this.gradient = gradientView;
    }

    String name() {
        return name;
    }

    int[] shape() {
        return shape.clone();
    }

    int size() {
        return size;
    }

    INDArray value() {
        return bound(value);
    }

    INDArray gradient() {
        return bound(gradient);
    }

    private INDArray bound(INDArray array) {
        if (array == null) {
            throw new IllegalStateException("parameter " + name + " is used before the network allocated it");
        }
        return array;
    }
}
