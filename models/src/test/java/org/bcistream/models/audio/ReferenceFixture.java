package org.bcistream.models.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads {@code mel_reference.json}, written by the numpy script {@code mel_reference.py} beside it. */
final class ReferenceFixture {
    private static final JsonNode ROOT = read("mel_reference.json");

    private ReferenceFixture() {}

    static JsonNode root() {
        return ROOT;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return out;
    }

    static float[][] floatMatrix(JsonNode rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    /** A signal stored as 16-bit PCM codes, as samples {@code code / 32768}. */
    static float[] pcm16(String field) {
        JsonNode codes = ROOT.get(field);
        float[] out = new float[codes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Pcm16.decode((short) codes.get(i).asInt());
        }
        return out;
    }

    static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    private static JsonNode read(String name) {
        try (InputStream in = ReferenceFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
