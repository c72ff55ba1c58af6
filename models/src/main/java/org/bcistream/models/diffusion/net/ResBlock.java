package org.bcistream.models.diffusion.net;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A residual block with FiLM / AdaGN conditioning (guided-diffusion {@code ResBlock} with
 * {@code use_scale_shift_norm=True}; spec ddim.md C.2), for 2-D ([B, C, H, W]) or 1-D ([B, C, 1, W])
 * feature maps:
 *
 * <pre>
 *   h = conv1(SiLU(GN1(x)))
 *   (scale, shift) = film(e)                 e = SiLU(time + condition embedding), [B, E]; film: Linear(E, 2·out)
 *   h = conv2(SiLU(GN2(h)·(1 + scale) + shift))     conv2 zero-initialised
 *   y = skip(x) + h                          skip = identity, or a 1×1 convolution when in ≠ out
 * </pre>
 *
 * so each block starts as the identity (or a 1×1 projection). Convolutions are k×k (2-D) or width k (1-D)
 * with "same" padding. Not thread-safe.
 */
final class ResBlock {
    private final int outputs;
    private final GroupNorm norm1;
    private final Silu act1 = new Silu();
    private final Conv conv1;
    private final GroupNorm norm2;
    private final Linear film;
    private final Silu act2 = new Silu();
    private final Conv conv2;
    private final Conv skip;

    private INDArray boundInput;
    private INDArray normalizedRows;
    private INDArray scalePlusOne;
    private INDArray scaleVector;
    private INDArray shift;
    private INDArray shiftVector;
    private INDArray modulated;
    private INDArray modulatedRows;
    private INDArray output;
    private INDArray boundFilm;
    private INDArray filmScaleView;
    private INDArray filmShiftView;
    private INDArray gradRowsScratch;
    private INDArray gradFilm;
    private INDArray gradFilmScaleView;
    private INDArray gradFilmShiftView;
    private INDArray gradScale;
    private INDArray gradScaleVector;
    private INDArray gradShift;
    private INDArray gradShiftVector;
    private INDArray gradNormalized;
    private INDArray gradNormalizedRows;
    private INDArray gradInput;
    private INDArray boundGradModulated;
    private INDArray gradModulatedRows;
    private INDArray gradEmbedding;

    /**
     * @param twoD k×k 2-D convolutions if true, width-k 1-D ones if false
     * @param embeddingSize E, the width of the activated conditioning embedding
     */
    ResBlock(NetworkParameters params, String name, int inputs, int outputs, int groups, int embeddingSize,
            int kernel, boolean twoD) {
        this.outputs = outputs;
        this.norm1 = new GroupNorm(params, name + ".norm1", inputs, groups);
        this.conv1 = conv(params, name + ".conv1", inputs, outputs, kernel, twoD, Init.FAN_IN_UNIFORM);
        this.film = new Linear(params, name + ".film", embeddingSize, 2 * outputs, Init.FAN_IN_UNIFORM, true);
        this.norm2 = new GroupNorm(params, name + ".norm2", outputs, groups);
        this.conv2 = conv(params, name + ".conv2", outputs, outputs, kernel, twoD, Init.ZERO);
        this.skip = inputs == outputs ? null : conv(params, name + ".skip", inputs, outputs, 1, twoD,
                Init.FAN_IN_UNIFORM);
    }

    private static Conv conv(NetworkParameters params, String name, int inputs, int outputs, int kernel,
            boolean twoD, Init init) {
        return twoD ? Conv.twoD(params, name, inputs, outputs, kernel, 1, init, true)
                : Conv.oneD(params, name, inputs, outputs, kernel, init, true);
    }

    /** y for x [B, in, H, W] and the activated embedding e [B, E]; returns this block's output buffer. */
    INDArray forward(INDArray x, INDArray embedding) {
        INDArray normalized = norm2.forward(conv1.forward(act1.forward(norm1.forward(x))));
        if (x != boundInput) {
            bind(x, normalized);
        }
        INDArray filmOut = film.forward(embedding);
        if (filmOut != boundFilm) {
            filmScaleView = filmOut.get(all(), interval(0, outputs));
            filmShiftView = filmOut.get(all(), interval(outputs, 2 * outputs));
            boundFilm = filmOut;
        }
        scalePlusOne.assign(filmScaleView).addi(1.0);
        shift.assign(filmShiftView);
        Nd4j.exec(new BroadcastMulOp(normalizedRows, scaleVector, modulatedRows, 0));
        Nd4j.exec(new BroadcastAddOp(modulatedRows, shiftVector, modulatedRows, 0));
        INDArray residual = conv2.forward(act2.forward(modulated));
        residual.add(skip == null ? x : skip.forward(x), output);
        return output;
    }

    /**
     * Writes this block's parameter gradients from dL/dy of the last {@link #forward}; returns dL/dx (this
     * block's buffer). dL/de is then available from {@link #embeddingGradient()}.
     */
    INDArray backward(INDArray gradOutput) {
        INDArray gradModulated = act2.backward(conv2.backward(gradOutput));
        if (gradModulated != boundGradModulated) {
            gradModulatedRows = gradModulated.reshape(normalizedRows.shape());
            boundGradModulated = gradModulated;
        }
        gradModulatedRows.sum(gradShiftVector, 1);
        gradModulatedRows.mul(normalizedRows, gradRowsScratch);
        gradRowsScratch.sum(gradScaleVector, 1);
        gradFilmScaleView.assign(gradScale);
        gradFilmShiftView.assign(gradShift);
        gradEmbedding = film.backward(gradFilm);
        Nd4j.exec(new BroadcastMulOp(gradModulatedRows, scaleVector, gradNormalizedRows, 0));
        INDArray gradMain = act1.backward(conv1.backward(norm2.backward(gradNormalized)));
        gradMain = norm1.backward(gradMain);
        gradMain.add(skip == null ? gradOutput : skip.backward(gradOutput), gradInput);
        return gradInput;
    }

    /** dL/de [B, E] from the last {@link #backward} (the film layer's buffer). */
    INDArray embeddingGradient() {
        return gradEmbedding;
    }

    /** Multiply-accumulates of one sample's forward pass on an input of height × width. */
    long multiplyAccumulates(int height, int width) {
        return conv1.multiplyAccumulates(height, width) + conv2.multiplyAccumulates(height, width)
                + (skip == null ? 0 : skip.multiplyAccumulates(height, width)) + film.multiplyAccumulates();
    }

    private void bind(INDArray x, INDArray normalized) {
        long batch = x.size(0);
        long rows = batch * outputs;
        long positions = normalized.length() / rows;
        normalizedRows = normalized.reshape(rows, positions);
        scalePlusOne = Nd4j.create(x.dataType(), batch, outputs);
        scaleVector = scalePlusOne.reshape(rows);
        shift = Nd4j.create(x.dataType(), batch, outputs);
        shiftVector = shift.reshape(rows);
        modulated = Nd4j.create(x.dataType(), normalized.shape());
        modulatedRows = modulated.reshape(rows, positions);
        output = Nd4j.create(x.dataType(), normalized.shape());
        gradRowsScratch = Nd4j.create(x.dataType(), rows, positions);
        gradFilm = Nd4j.create(x.dataType(), batch, 2L * outputs);
        gradFilmScaleView = gradFilm.get(all(), interval(0, outputs));
        gradFilmShiftView = gradFilm.get(all(), interval(outputs, 2 * outputs));
        gradScale = Nd4j.create(x.dataType(), batch, outputs);
        gradScaleVector = gradScale.reshape(rows);
        gradShift = Nd4j.create(x.dataType(), batch, outputs);
        gradShiftVector = gradShift.reshape(rows);
        gradNormalized = Nd4j.create(x.dataType(), normalized.shape());
        gradNormalizedRows = gradNormalized.reshape(rows, positions);
        gradInput = Nd4j.create(x.dataType(), x.shape());
        boundInput = x;
        boundGradModulated = null;
    }
}
