package org.bcistream.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User profile files that break the schema fail with messages naming the file, the field, the place and the rule. */
class InvalidProfileFilesTest {
    /** A minimal valid profile; each test breaks one thing. Line numbers below refer to this text. */
    static final String VALID = """
            {
              "id": "test-amp",
              "name": "Test amp",
              "vendor": "Acme",
              "modality": "EEG",
              "channels": [
                {"label": "C3", "type": "EEG", "unit": "microvolts"},
                {"label": "C4", "type": "EEG", "unit": "microvolts"},
                {"label": "Counter", "type": "COUNTER", "unit": "count"}
              ],
              "samplingRatesHz": [250, 1000],
              "defaultRateHz": 250,
              "reference": {"kind": "COMMON_ELECTRODE"},
              "transports": ["USB"],
              "lsl": {"type": "EEG", "namePattern": "TestAmp-.+"},
              "counterChannel": "Counter"
            }
            """;

    @TempDir
    Path dir;

    /** Writes the text to lab-amp.json, loads it, and returns the failure message after checking it names the file. */
    private String failure(String json) throws IOException {
        Path file = dir.resolve("lab-amp.json");
        Files.writeString(file, json);
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> DeviceProfiles.load(file));
        assertTrue(e.getMessage().startsWith("device profile '" + file + "': "), e.getMessage());
        assertEquals(file.toString(), e.profile());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void theBaseProfileIsValid() throws IOException {
        Path file = dir.resolve("lab-amp.json");
        Files.writeString(file, VALID);
        DeviceProfile p = DeviceProfiles.load(file).byId("test-amp");
        assertEquals(List.of("C3", "C4"), p.neuralChannelLabels());
        assertEquals("", p.lsl().app());
        assertEquals(List.of(), p.unverified());
        assertEquals(null, p.latency().fixedDelayMs());
    }

    @Test
    void unknownField() throws IOException {
        String message = failure(VALID.replace("\"vendor\": \"Acme\"", "\"vendr\": \"Acme\""));
        assertContains(message, "unknown field 'vendr' at $.vendr (line 4, column 3)", "did you mean 'vendor'?", "known fields: [id, name, vendor,");
    }

    @Test
    void unknownNestedField() throws IOException {
        String message = failure(VALID.replace("\"unit\": \"count\"}", "\"unit\": \"count\", \"gain\": 24}"));
        assertContains(message, "unknown field 'gain' at $.channels[2].gain (line 9, column", "known fields: [label, type, unit]");
    }

    @Test
    void missingField() throws IOException {
        assertContains(failure(VALID.replace("  \"vendor\": \"Acme\",\n", "")),
                "required field 'vendor' is missing from the object at $ (line 16, column 1)");
        assertContains(failure(VALID.replace(", \"namePattern\": \"TestAmp-.+\"", "")),
                "required field 'namePattern' is missing from the object at $.lsl (line 15");
        assertContains(failure(VALID.replace("{\"label\": \"C4\", \"type\": \"EEG\", \"unit\": \"microvolts\"}", "{\"label\": \"C4\", \"type\": \"EEG\"}")),
                "required field 'unit' is missing from the object at $.channels[1] (line 8");
    }

    @Test
    void nullInARequiredFieldOrAList() throws IOException {
        assertContains(failure(VALID.replace("\"Acme\"", "null")), "required field 'vendor' is null at $.vendor (line 4, column 13); expected a string");
        assertContains(failure(VALID.replace("[250, 1000]", "[250, null]")), "null element at $.samplingRatesHz[1] (line 11");
    }

    @Test
    void wrongType() throws IOException {
        assertContains(failure(VALID.replace("\"defaultRateHz\": 250", "\"defaultRateHz\": \"250\"")),
                "wrong type at $.defaultRateHz (line 12, column 20): expected a number, found a string");
        assertContains(failure(VALID.replace("[250, 1000]", "250")),
                "wrong type at $.samplingRatesHz (line 11", "expected an array, found an integer");
        assertContains(failure(VALID.replace("\"name\": \"Test amp\"", "\"name\": 5")),
                "5 is not a valid value at $.name (line 3, column 11); expected a string");
        assertContains(failure(VALID.replace("\"transports\": [\"USB\"]", "\"transports\": [\"USB\"], \"adcBits\": 24.5")),
                "24.5 is not a valid value at $.adcBits", "expected an integer");
        assertContains(failure(VALID.replace("{\"kind\": \"COMMON_ELECTRODE\"}", "\"COMMON_ELECTRODE\"")),
                "wrong type at $.reference (line 13", "expected an object with fields [kind, detail], found a string");
    }

    @Test
    void enumValuesMustBeNames() throws IOException {
        assertContains(failure(VALID.replace("{\"label\": \"C3\", \"type\": \"EEG\"", "{\"label\": \"C3\", \"type\": \"EGG\"")),
                "\"EGG\" is not a valid value at $.channels[0].type (line 7", "expected one of [EEG, EXG, SPIKES, LFP,");
        assertContains(failure(VALID.replace("\"modality\": \"EEG\"", "\"modality\": 0")),
                "0 is not a valid value at $.modality (line 5, column 15); expected one of [EEG, INTRACORTICAL, SYNTHETIC]");
    }

    @Test
    void duplicateChannelLabels() throws IOException {
        assertContains(failure(VALID.replace("{\"label\": \"C4\"", "{\"label\": \"c3\"")),
                "channel label 'c3' is used twice (channels[0] and channels[1]); labels must be unique, ignoring case");
    }

    @Test
    void defaultRateNotAmongRates() throws IOException {
        assertContains(failure(VALID.replace("\"defaultRateHz\": 250", "\"defaultRateHz\": 500")),
                "defaultRateHz 500 is not among samplingRatesHz [250, 1000] (at $, line 17, column 1)");
    }

    @Test
    void recordRulesAreWrappedWithTheFileName() throws IOException {
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"Cnt\"")),
                "counterChannel 'Cnt' is not one of the 3 channel labels");
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"C3\"")),
                "counterChannel 'C3' has type EEG, expected COUNTER");
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"Counter\", \"unverified\": [\"gain\"]")),
                "unverified entry 'gain' is not a profile field", "lsl.namePattern");
        assertContains(failure(VALID.replace("\"test-amp\"", "\"Test_Amp\"")),
                "id must be lower-case kebab case", "got 'Test_Amp'");
        assertContains(failure(VALID.replace("TestAmp-.+", "TestAmp-(.+")),
                "lsl namePattern is not a valid regular expression: Unclosed group", "(at $.lsl, line 15");
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"Counter\", \"mainsNotchHz\": 55")),
                "mainsNotchHz must be 50 or 60 (or absent), got 55.0");
        assertContains(failure(VALID.replace("{\"label\": \"C3\", \"type\": \"EEG\"", "{\"label\": \"C3\", \"type\": \"ACC\"")
                        .replace("{\"label\": \"C4\", \"type\": \"EEG\"", "{\"label\": \"C4\", \"type\": \"GYRO\"")),
                "has no neural (EEG/EXG/SPIKES/LFP) channel among its 3 channels");
    }

    @Test
    void syntaxErrorsDuplicateKeysAndTrailingContent() throws IOException {
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"Counter\",")),
                "not valid JSON (line 17, column 1)");
        assertContains(failure(VALID.replace("\"counterChannel\": \"Counter\"", "\"counterChannel\": \"Counter\", \"id\": \"x\"")),
                "not valid JSON (line 16", "Duplicate field 'id'");
        assertContains(failure(VALID + "{}"), "unexpected content after the profile object (line 18, column 1)");
        assertContains(failure("  \n"), "file is empty");
        assertContains(failure("[]"), "wrong type at $ (line 1, column 1): expected an object with fields [id, name,");
    }

    @Test
    void oversizeFileIsRejectedBeforeParsing() throws IOException {
        String padding = " ".repeat(DeviceProfiles.MAX_PROFILE_BYTES + 1 - VALID.length());
        assertContains(failure(VALID + padding), "file is too large: 1048577 bytes, the limit is 1048576 bytes (1 MiB)");
        String exactlyAtLimit = VALID + " ".repeat(DeviceProfiles.MAX_PROFILE_BYTES - VALID.length());
        assertEquals("test-amp", DeviceProfiles.parse(exactlyAtLimit, "at-limit").id());
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> DeviceProfiles.parse(VALID + padding, "big"));
        assertContains(e.getMessage(), "device profile 'big': file is too large: 1048577 bytes");
    }

    @Test
    void hostileNestingIsRejectedWithoutExhaustingTheStack() throws IOException {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertContains(failure(VALID.replace("[\"USB\"]", deep)), "not valid JSON", "nesting depth");
        assertContains(failure(deep), "wrong type at $ (line 1, column 1): expected an object");
    }
}
