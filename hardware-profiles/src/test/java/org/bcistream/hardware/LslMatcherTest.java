package org.bcistream.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LslMatcherTest {
    private final LslMatcher matcher = DeviceProfiles.builtIn().lslMatcher();

    private String best(String name, String type, int channels) {
        return matcher.bestMatch(LslStreamDescription.of(name, type, channels)).id();
    }

    private ProfileMatchException failure(LslStreamDescription stream) {
        return assertThrows(ProfileMatchException.class, () -> matcher.bestMatch(stream));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void openbciGuiStreamsResolveByChannelCount() {
        assertEquals("openbci-cyton", best("obci_eeg1", "EEG", 8));
        assertEquals("openbci-cyton-daisy", best("obci_eeg1", "EEG", 16));
        assertEquals("openbci-ganglion", best("obci_eeg2", "EEG", 4));
        assertEquals("openbci-cyton", matcher.bestMatch(new LslStreamDescription("obci_eeg1", "eeg", 8, 1000)).id(),
                "type ignores case; the WiFi shield's 1000 Hz is a Cyton rate");
    }

    @Test
    void museStreamsThatAreIdenticalResolveToTheFirstId() {
        LslStreamDescription muse = LslStreamDescription.of("Muse", "EEG", 5);
        assertEquals("muse-2", matcher.bestMatch(muse).id());
        List<LslMatch> ranked = matcher.rank(muse);
        assertEquals(List.of("muse-2", "muse-s"), ranked.stream().filter(LslMatch::isComplete).map(m -> m.profile().id()).toList());
        assertTrue(LslMatcher.sameStream(ranked.get(0).profile(), ranked.get(1).profile()));
        assertEquals("muse-s-athena", best("Muse", "EEG", 4), "Athena's muse-lsl stream has no AUX channel");
    }

    @Test
    void biosemiResolvesByChannelCountOrExplainsTheCounts() {
        assertEquals("biosemi-activetwo-64", best("BioSemi", "EEG", 73));
        assertEquals("biosemi-activetwo-32", best("BioSemi", "EEG", 41));
        ProfileMatchException e = failure(LslStreamDescription.of("BioSemi", "EEG", 74));
        assertContains(e.getMessage(), "no profile describes stream 'BioSemi' (type EEG, 74 channels, rate unknown)",
                "no profile with 74 channels matches its type and name",
                "biosemi-activetwo-128 (137 channels", "biosemi-activetwo-256 (265 channels",
                "biosemi-activetwo-32 (41 channels", "biosemi-activetwo-64 (73 channels, 512/2048/4096/8192 Hz)");
        assertEquals(4, e.candidates().stream().filter(m -> m.typeMatches() && m.nameMatches()).count());
    }

    @Test
    void aKnownRateMustBeOneOfTheProfilesRates() {
        assertEquals("biosemi-activetwo-64", matcher.bestMatch(new LslStreamDescription("BioSemi", "EEG", 73, 2048)).id());
        ProfileMatchException e = failure(new LslStreamDescription("BioSemi", "EEG", 73, 1000));
        assertContains(e.getMessage(), "(type EEG, 73 channels, 1000 Hz)",
                "the profiles matching its type, name and 73 channels do not list 1000 Hz: biosemi-activetwo-64");
    }

    @Test
    void differentStreamsThatBothMatchAreAmbiguousUntilTheRateDecides() {
        ProfileMatchException e = failure(LslStreamDescription.of("eegoSports 000123", "EEG", 64));
        assertContains(e.getMessage(), "matches 2 profiles that describe different streams",
                "ant-neuro-eego-ee211 (64 channels,", "ant-neuro-eego-ee224 (64 channels,",
                "pass the stream's nominal rate or choose one by id");
        // Both list the same settable rates; a stream at one model's default rate goes to that model.
        assertEquals("ant-neuro-eego-ee224", matcher.bestMatch(new LslStreamDescription("eegoSports 000123", "EEG", 64, 16000)).id());
        assertEquals("ant-neuro-eego-ee211", matcher.bestMatch(new LslStreamDescription("eegoSports 000123", "EEG", 64, 2000)).id());
        assertContains(failure(new LslStreamDescription("eegoSports 000123", "EEG", 64, 1024)).getMessage(),
                "(type EEG, 64 channels, 1024 Hz) matches 2 profiles", "choose one by id");
    }

    @Test
    void otherVendorStreams() {
        assertEquals("unicorn-hybrid-black", best("UN-2021.05.36", "Data", 17));
        assertEquals("unicorn-hybrid-black-eeg", best("UN-2021.05.36_EEG", "EEG", 8));
        assertEquals("emotiv-epoc-x", best("EmotivDataStream-EEG", "EEG", 19));
        assertEquals("emotiv-insight", best("EmotivDataStream-EEG", "EEG", 10));
        assertEquals("brainproducts-actichamp-32", best("actiCHamp-17010768", "EEG", 33));
        assertEquals("brainproducts-liveamp-32", best("LiveAmpSN-054207-0156", "EEG", 35));
        assertEquals("wearable-sensing-dsi-24", best("WS-default", "EEG", 25));
        assertEquals("enobio-20", best("Enobio20", "EEG", 20));
        assertEquals("neurosity-crown", best("neurosity-crown", "EEG", 12), "bridge convention: name = profile id");
        assertEquals("blackrock-neuroport-128", best("blackrock-neuroport-128", "Spikes", 128));
    }

    @Test
    void aNameNoPatternMatchesListsTheProfilesOfThatTypeAndSize() {
        ProfileMatchException e = failure(LslStreamDescription.of("MyAmp", "EEG", 8));
        assertContains(e.getMessage(), "no profile's LSL name pattern matches 'MyAmp'; profiles of type EEG with 8 channels:",
                "openbci-cyton (name obci_eeg\\d+)");
        assertTrue(e.candidates().stream().anyMatch(m -> m.profile().id().equals("openbci-cyton")));
        assertTrue(e.candidates().stream().noneMatch(LslMatch::isComplete));

        ProfileMatchException odd = failure(LslStreamDescription.of("MyAmp", "EEG", 7));
        assertContains(odd.getMessage(), "and no profile of type EEG has 7 channels", " more");
    }

    @Test
    void aWrongTypeOrAnUnknownTypeIsExplained() {
        assertContains(failure(LslStreamDescription.of("Muse", "PPG", 3)).getMessage(),
                "no profile has LSL type 'PPG' (known types: [Data, EEG, LFP, Spikes]); profiles whose LSL name pattern "
                        + "matches 'Muse': muse-2 (type EEG), muse-s (type EEG), muse-s-athena (type EEG)");
        DeviceProfiles one = DeviceProfiles.of("test", List.of(DeviceProfiles.builtIn().byId("muse-2")));
        ProfileMatchException none = assertThrows(ProfileMatchException.class,
                () -> one.lslMatcher().bestMatch(LslStreamDescription.of("Tobii", "Gaze", 2)));
        assertEquals("no profile describes stream 'Tobii' (type Gaze, 2 channels, rate unknown): "
                + "no profile has LSL type 'Gaze' (known types: [EEG])", none.getMessage());
        assertEquals(List.of(), none.candidates());
    }

    @Test
    void rankingPutsTypeBeforeNameBeforeChannelCount() {
        List<LslMatch> ranked = matcher.rank(LslStreamDescription.of("obci_eeg1", "EEG", 8));
        assertEquals("openbci-cyton", ranked.get(0).profile().id());
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score(), "ranked by score");
        }
        LslMatch daisy = ranked.stream().filter(m -> m.profile().id().equals("openbci-cyton-daisy")).findFirst().orElseThrow();
        assertTrue(daisy.typeMatches() && daisy.nameMatches() && !daisy.channelCountMatches());
        assertTrue(ranked.indexOf(daisy) < ranked.indexOf(ranked.stream().filter(m -> !m.nameMatches()).findFirst().orElseThrow()));
    }

    @Test
    void everyProfileWithALiteralStreamNameIsFoundFromItsOwnStream() {
        for (DeviceProfile p : DeviceProfiles.builtIn().all()) {
            String name = p.lsl().namePattern();
            if (!name.equals(Pattern.quote(name).replace("\\Q", "").replace("\\E", "")) || !name.matches("[A-Za-z0-9 _.-]+")) {
                continue; // a real regular expression; covered by the vendor cases above
            }
            LslStreamDescription own = new LslStreamDescription(name, p.lsl().type(), p.channelCount(), p.defaultRateHz());
            DeviceProfile found = matcher.bestMatch(own);
            assertTrue(found.equals(p) || LslMatcher.sameStream(found, p), p.id() + " resolved to " + found.id());
        }
    }

    @Test
    void descriptionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> LslStreamDescription.of("x", "EEG", 0));
        assertThrows(IllegalArgumentException.class, () -> new LslStreamDescription("x", "EEG", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new LslStreamDescription("x", "EEG", 1, Double.NaN));
        assertThrows(NullPointerException.class, () -> LslStreamDescription.of(null, "EEG", 1));
        assertEquals("'x' (type EEG, 2 channels, 250 Hz)", new LslStreamDescription("x", "EEG", 2, 250).toString());
    }
}
