package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.ChannelInfo;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Outlet -> resolve -> inlet on loopback with the pure-Java implementation, for every channel format. */
class RoundTripTest {
    private static final double TIMEOUT = 10.0;
    private LslRuntime lsl;

    @BeforeEach
    void open() {
        lsl = new PureLslRuntime(LslTestSupport.loopbackConfig());
    }

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    private StreamInlet connect(StreamOutlet outlet, InletOptions options) {
        List<StreamInfo> found = lsl.resolveByProperty("source_id", outlet.info().sourceId(), 1, TIMEOUT);
        assertEquals(1, found.size(), "resolved " + found);
        StreamInfo resolved = found.get(0);
        assertEquals(outlet.info().uid(), resolved.uid());
        assertEquals("127.0.0.1", resolved.v4Address());
        StreamInlet inlet = lsl.createInlet(resolved, options);
        inlet.openStream(TIMEOUT);
        assertTrue(outlet.waitForConsumers(TIMEOUT));
        return inlet;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChannelFormat.class)
    void everyFormatArrivesWithItsTimeStamps(ChannelFormat format) {
        String name = LslTestSupport.unique("rt-" + format.xmlName());
        StreamInfo info = new StreamInfo(name, "Test", 3, 100.0, format, name);
        try (StreamOutlet outlet = lsl.createOutlet(info); StreamInlet inlet = connect(outlet, InletOptions.DEFAULTS)) {
            // one explicit sample, then a chunk of 3 stamped 1029.0 at its last sample (spec 2.9)
            outlet.pushSample(new double[] {1.5, -2.25, 3.0}, 1028.0);
            outlet.pushChunk(new double[] {10, 11, 12, 20, 21, 22, 30, 31, 32}, 1029.0);
            outlet.pushSample(new long[] {-7, 8, -9}, Lsl.DEDUCED_TIMESTAMP);

            double[] sample = new double[3];
            assertEquals(1028.0, inlet.pullSample(sample, TIMEOUT));
            double[] expectedFirst = format.isInteger() ? new double[] {1, -2, 3} : new double[] {1.5, -2.25, 3.0};
            assertArrayEquals(expectedFirst, sample);

            double[] chunk = new double[12];
            double[] stamps = new double[4];
            int n = inlet.pullChunk(chunk, stamps, TIMEOUT);
            assertEquals(4, n, "pull_chunk counts samples, not values");
            assertArrayEquals(new double[] {10, 11, 12, 20, 21, 22, 30, 31, 32, -7, 8, -9}, chunk);
            assertEquals(1029.0 - 0.02, stamps[0], 1e-9);
            assertEquals(1029.0 - 0.01, stamps[1], 1e-9, "deduced: previous + 1/rate");
            assertEquals(1029.0, stamps[2], 1e-9);
            assertEquals(1029.01, stamps[3], 1e-9);
            assertEquals(0, inlet.samplesAvailable());
            assertEquals(0.0, inlet.pullSample(sample, 0.0), "nothing left: 0.0, no wait");
        }
    }

    @Test
    void anInletLimitedToProtocol100ReadsThePortableArchive() {
        String name = LslTestSupport.unique("rt-100");
        StreamInfo info = new StreamInfo(name, "EEG", 2, 10.0, ChannelFormat.INT16, name);
        try (LslRuntime old = new PureLslRuntime(LslTestSupport.loopbackBuilder()
                .set(LslOptions.USE_PROTOCOL_VERSION, 100).build());
                StreamOutlet outlet = lsl.createOutlet(info);
                StreamInlet inlet = old.createInlet(old.resolveByProperty("name", name, 1, TIMEOUT).get(0))) {
            inlet.openStream(TIMEOUT);
            outlet.pushChunk(new short[] {1, -1, 300, -300}, 7.0);
            short[] data = new short[4];
            double[] stamps = new double[2];
            assertEquals(2, inlet.pullChunk(data, stamps, TIMEOUT));
            assertArrayEquals(new short[] {1, -1, 300, -300}, data);
            assertArrayEquals(new double[] {6.9, 7.0}, stamps, 1e-9);
        }
    }

    @Test
    void stringsIncludingUtf8AndLongValues() {
        String name = LslTestSupport.unique("rt-markers");
        StreamInfo info = new StreamInfo(name, "Markers", 2, Lsl.IRREGULAR_RATE, ChannelFormat.STRING, name);
        try (StreamOutlet outlet = lsl.createOutlet(info); StreamInlet inlet = connect(outlet, InletOptions.DEFAULTS)) {
            String big = "{\"decoded\": \"" + "ä".repeat(400) + "\"}";
            outlet.pushSample(new String[] {"", "stimulus/left"}, 5.0);
            outlet.pushChunk(new String[] {big, "x", "ñ", "€"}, 2, 6.0, true);
            String[] sample = new String[2];
            assertEquals(5.0, inlet.pullSample(sample, TIMEOUT));
            assertArrayEquals(new String[] {"", "stimulus/left"}, sample);
            String[] chunk = new String[4];
            double[] stamps = new double[2];
            assertEquals(2, inlet.pullChunk(chunk, stamps, TIMEOUT));
            assertArrayEquals(new String[] {big, "x", "ñ", "€"}, chunk);
            assertArrayEquals(new double[] {6.0, 6.0}, stamps, "irregular chunks share their time stamp");
        }
    }

    @Test
    void pullChunkFillsCallerBuffersAndCountsSamples() {
        String name = LslTestSupport.unique("rt-chunks");
        StreamInfo info = new StreamInfo(name, "EEG", 4, 250.0, ChannelFormat.FLOAT32, name);
        try (StreamOutlet outlet = lsl.createOutlet(info); StreamInlet inlet = connect(outlet, InletOptions.DEFAULTS)) {
            float[] data = new float[4 * 10];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            double[] times = new double[10];
            for (int k = 0; k < 10; k++) {
                times[k] = 100 + k;
            }
            outlet.pushChunk(data, 10, times, true);
            float[] buffer = new float[4 * 6 + 3];
            double[] stamps = new double[8];
            assertEquals(6, inlet.pullChunk(buffer, stamps, TIMEOUT), "limited by the data buffer");
            assertEquals(23f, buffer[23]);
            assertEquals(0f, buffer[24], "the partial sample slot is untouched");
            assertEquals(105.0, stamps[5]);
            int[] ints = new int[4 * 8];
            double[] fewStamps = new double[3];
            assertEquals(3, inlet.pullChunk(ints, fewStamps, TIMEOUT), "limited by the time-stamp buffer");
            assertEquals(24, ints[0]);
            LslTestSupport.awaitAvailable(inlet, 1);
            assertEquals(1, inlet.pullChunk(ints, stamps, 0.0), "without a timeout: what is there");
            assertEquals(36, ints[0]);
            assertEquals(0, inlet.pullChunk(ints, stamps, 0.05));
            assertThrows(LslArgumentException.class, () -> inlet.pullSample(new float[3], 0.0));
            assertThrows(LslArgumentException.class, () -> outlet.pushSample(new float[3]));
            assertThrows(LslArgumentException.class, () -> outlet.pushChunk(new float[7]));
            assertThrows(LslArgumentException.class, () -> outlet.pushChunk(new float[8], 3, 0.0, true));
        }
    }

    @Test
    void fullInfoCarriesTheDescAndOutletIdentity() {
        String name = LslTestSupport.unique("rt-info");
        StreamInfo info = new StreamInfo(name, "EEG", 2, 500.0, ChannelFormat.INT16, name);
        info.setChannels(List.of(new ChannelInfo("C3", "microvolts", "EEG"), new ChannelInfo("C4", "microvolts", "EEG")));
        info.desc().appendChildValue("manufacturer", "Acme");
        try (StreamOutlet outlet = lsl.createOutlet(info)) {
            info.desc().setChildValue("manufacturer", "changed after creation");
            StreamInfo published = outlet.info();
            assertFalse(published.uid().isEmpty());
            assertEquals("default", published.sessionId());
            assertTrue(published.v4DataPort() >= LslTestSupport.BASE_PORT);
            assertTrue(published.createdAt() > 0);
            StreamInfo resolved = lsl.resolveByPredicate("name='" + name + "'", 1, TIMEOUT).get(0);
            assertTrue(resolved.desc().children().isEmpty(), "discovery carries the shortinfo");
            try (StreamInlet inlet = lsl.createInlet(resolved)) {
                StreamInfo full = inlet.info(TIMEOUT);
                assertEquals("Acme", full.desc().childValue("manufacturer"));
                assertEquals(List.of("C3", "C4"), full.channelLabels());
                assertEquals(published.uid(), full.uid());
            }
        }
    }

    @Test
    void closedObjectsRefuseWorkAndReleaseTheirPorts() throws IOException {
        String name = LslTestSupport.unique("rt-closed");
        StreamOutlet outlet = lsl.createOutlet(new StreamInfo(name, "EEG", 1, 10, ChannelFormat.FLOAT32, name));
        StreamInlet inlet = connect(outlet, InletOptions.DEFAULTS);
        CompletableFuture<Double> blocked = CompletableFuture.supplyAsync(() -> inlet.pullSample(new float[1]));
        LslTestSupport.sleep(50);
        inlet.close();
        inlet.close();
        ExecutionException ended = assertThrows(ExecutionException.class, () -> blocked.get(10, TimeUnit.SECONDS));
        assertTrue(ended.getCause() instanceof IllegalStateException, ended.toString());
        assertThrows(IllegalStateException.class, () -> inlet.pullSample(new float[1], 0.0));
        StreamInfo published = outlet.info();
        outlet.close();
        assertThrows(IllegalStateException.class, () -> outlet.pushSample(new float[1]));
        try (ServerSocket data = new ServerSocket(published.v4DataPort());
                DatagramSocket service = new DatagramSocket(published.v4ServicePort())) {
            assertTrue(data.isBound() && service.isBound(), "the outlet's ports are free again");
        }
        assertThrows(LslArgumentException.class, () -> lsl.createInlet(new StreamInfo("x", "EEG", 1, 10,
                ChannelFormat.FLOAT32)), "an unresolved info has no address");
    }
}
