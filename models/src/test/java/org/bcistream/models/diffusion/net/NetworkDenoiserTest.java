package org.bcistream.models.diffusion.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkDenoiserTest {

    @Test
    void batchOnePredictionsEqualTheBatchedForwardPass() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        TinyNetworks.randomize(network, 2);
        int size = network.sampleShape().size();
        INDArray noisy = TinyNetworks.uniform(DataType.FLOAT, 3, 2, size);
        INDArray conditions = TinyNetworks.uniform(DataType.FLOAT, 4, 2, 3);
        float[] batched = network.forward(noisy, new int[] {10, 700}, conditions, new boolean[] {true, false}, null)
                .data().asFloat();

        NetworkDenoiser denoiser = new NetworkDenoiser(ImageUNet.fromWeights(TinyNetworks.IMAGE, network.weights(),
                network.shapes()));
        float[] conditional = new float[size];
        float[] unconditional = new float[size];
        denoiser.predict(noisy.getRow(0).toFloatVector(), 10, conditions.getRow(0).toFloatVector(), conditional);
        denoiser.predictUnconditional(noisy.getRow(1).toFloatVector(), 700, unconditional);
        assertArrayEquals(Arrays.copyOfRange(batched, 0, size), conditional, 1e-5f);
        assertArrayEquals(Arrays.copyOfRange(batched, size, 2 * size), unconditional, 1e-5f);
    }

    @Test
    void conditionAndNullConditionGiveDifferentPredictions() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        TinyNetworks.randomize(network, 5);
        NetworkDenoiser denoiser = new NetworkDenoiser(network);
        float[] x = TinyNetworks.uniform(6, 64);
        float[] conditional = new float[64];
        float[] unconditional = new float[64];
        denoiser.predict(x, 100, new float[] {1, 0, 0}, conditional);
        denoiser.predictUnconditional(x, 100, unconditional);
        assertFalse(Arrays.equals(conditional, unconditional));
    }

    @Test
    void freshNetworksPredictZeroBecauseTheOutputLayerStartsAtZero() {
        NetworkDenoiser denoiser = new NetworkDenoiser(SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1));
        float[] out = new float[15];
        Arrays.fill(out, 9f);
        denoiser.predict(TinyNetworks.uniform(1, 15), 3, new float[] {1, 2, 3}, out);
        assertArrayEquals(new float[15], out);
    }

    @Test
    void speechContextIsHeldUntilChanged() {
        SpeechNet network = SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1);
        TinyNetworks.randomize(network, 8);
        NetworkDenoiser denoiser = new NetworkDenoiser(network);
        float[] x = TinyNetworks.uniform(9, 15);
        float[] condition = {0.5f, -1, 2};
        float[] withZeros = new float[15];
        denoiser.predict(x, 40, condition, withZeros);
        denoiser.setContext(TinyNetworks.uniform(10, 10));
        float[] withContext = new float[15];
        float[] again = new float[15];
        denoiser.predict(x, 40, condition, withContext);
        denoiser.predict(x, 40, condition, again);
        assertFalse(Arrays.equals(withZeros, withContext));
        assertArrayEquals(withContext, again);
        assertThrows(IllegalArgumentException.class, () -> denoiser.setContext(new float[9]));
        NetworkDenoiser image = new NetworkDenoiser(ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1));
        assertThrows(IllegalArgumentException.class, () -> image.setContext(new float[1]));
    }

    @Test
    void wrongLengthsAreRejected() {
        NetworkDenoiser denoiser = new NetworkDenoiser(ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1));
        float[] out = new float[64];
        assertThrows(IllegalArgumentException.class, () -> denoiser.predict(new float[63], 1, new float[3], out));
        assertThrows(IllegalArgumentException.class, () -> denoiser.predict(new float[64], 1, new float[2], out));
        assertThrows(IllegalArgumentException.class, () -> denoiser.predictUnconditional(new float[64], 1,
                new float[65]));
    }

    /**
     * After a warm-up call, predictions allocate no ND4J array memory: run inside a probe workspace, any new
     * array would be counted by it (a positive control shows the probe sees a 4-float allocation).
     */
    @Test
    void predictionsAllocateNoArraysAfterTheFirstCall() {
        NetworkDenoiser denoiser = new NetworkDenoiser(ImageUNet.create(ImageUNetConfig.defaults(8), DataType.FLOAT,
                1));
        float[] x = TinyNetworks.uniform(1, 1024);
        float[] condition = TinyNetworks.uniform(2, 8);
        float[] out = new float[1024];
        denoiser.predict(x, 500, condition, out);
        denoiser.predictUnconditional(x, 500, out);

        assertTrue(probeAllocatedBytes(() -> Nd4j.create(DataType.FLOAT, 4)) >= 16, "the probe sees allocations");
        assertEquals(0, probeAllocatedBytes(() -> {
            denoiser.predict(x, 400, condition, out);
            denoiser.predictUnconditional(x, 400, out);
        }));
    }

    /**
     * The Java-heap garbage of a prediction is ND4J's per-op bookkeeping (op and view descriptors, a few KB
     * per op), not copies of data: the same topology on 16 times more pixels makes no more of it.
     */
    @Test
    void heapGarbagePerPredictionDoesNotGrowWithTheData() {
        long small = heapBytesPerPrediction(new ImageUNetConfig(4, 8, List.of(8, 16), 1, 4, 8));
        long large = heapBytesPerPrediction(new ImageUNetConfig(4, 32, List.of(8, 16), 1, 4, 8));
        System.out.printf("heap bytes per batch-1 prediction: %,d at 8x8, %,d at 32x32%n", small, large);
        assertTrue(large < small * 1.25 + 20_000, () -> "heap bytes " + small + " vs " + large);
    }

    private static long heapBytesPerPrediction(ImageUNetConfig config) {
        NetworkDenoiser denoiser = new NetworkDenoiser(ImageUNet.create(config, DataType.FLOAT, 1));
        int size = config.imageSize() * config.imageSize();
        float[] x = TinyNetworks.uniform(1, size);
        float[] condition = TinyNetworks.uniform(2, 4);
        float[] out = new float[size];
        for (int i = 0; i < 5; i++) {
            denoiser.predict(x, 300, condition, out);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int calls = 20;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
            denoiser.predict(x, 300, condition, out);
        }
        return (threads.getThreadAllocatedBytes(thread) - before) / calls;
    }

    private static long probeAllocatedBytes(Runnable action) {
        WorkspaceConfiguration config = WorkspaceConfiguration.builder().initialSize(0)
                .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.NONE)
                .policySpill(SpillPolicy.EXTERNAL).build();
        try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(config, "probe")) {
            action.run();
            return workspace.getThisCycleAllocations();
        }
    }
}
