package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Typed hyper-parameter getters name the key, the expected type and what was found. */
class HyperParametersTest {
    private static final HyperParameters HP = HyperParameters.of(JsonNodeFactory.instance.objectNode()
            .put("k", 512).put("big", 3_000_000_000L).put("beta", 24.5).put("name", "exact").put("on", true).put("text", "512"));

    @Test
    void typedGetters() throws IOException {
        assertEquals(512, HP.getInt("k"));
        assertEquals(3_000_000_000L, HP.getLong("big"));
        assertEquals(512L, HP.getLong("k"));
        assertEquals(24.5, HP.getDouble("beta"));
        assertEquals(512.0, HP.getDouble("k"), "integers are numbers");
        assertEquals("exact", HP.getString("name"));
        assertTrue(HP.getBoolean("on"));
        assertTrue(HP.has("k"));
        assertFalse(HP.has("K"));
    }

    @Test
    void missingAndMistypedKeysAreNamed() {
        BundleFormatException e = refused(() -> HP.getInt("latents"),
                "hyper-parameter 'latents' is missing; model.json has [k, big, beta, name, on, text]");
        assertEquals("(in memory)", e.source());
        refused(() -> HP.getInt("text"), "hyper-parameter 'text' must be an integer in [-2^31, 2^31); found the string \"512\"");
        refused(() -> HP.getInt("big"), "found the integer 3000000000");
        refused(() -> HP.getInt("beta"), "found the number 24.5");
        refused(() -> HP.getLong("beta"), "hyper-parameter 'beta' must be an integer in [-2^63, 2^63)");
        refused(() -> HP.getDouble("name"), "hyper-parameter 'name' must be a finite number; found the string \"exact\"");
        refused(() -> HP.getString("k"), "hyper-parameter 'k' must be a string; found the integer 512");
        refused(() -> HP.getBoolean("name"), "hyper-parameter 'name' must be true or false");
    }

    @Test
    void numbersAreNormalisedAndMustBeFinite() {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("n", 2).put("x", 0.5f);
        ObjectNode b = JsonNodeFactory.instance.objectNode().put("n", 2L).put("x", 0.5);
        assertEquals(HyperParameters.of(a), HyperParameters.of(b));
        assertEquals(HyperParameters.of(a).hashCode(), HyperParameters.of(b).hashCode());
        ObjectNode nan = JsonNodeFactory.instance.objectNode();
        nan.putArray("list").add(1.0).add(Double.NaN);
        assertEquals("hyper-parameters must be finite numbers; not finite: [$.list[1]]",
                assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(nan)).getMessage());
    }

    @Test
    void jsonIsCopiedInAndOut() throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("n", 1);
        HyperParameters hp = HyperParameters.of(json);
        json.put("n", 2);
        hp.json().put("n", 3);
        assertEquals(1, hp.getInt("n"));
        assertEquals("{\"n\":1}", hp.toString());
    }
}
