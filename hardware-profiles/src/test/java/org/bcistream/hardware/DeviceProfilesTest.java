package org.bcistream.hardware;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {
    /** One id per row of the spec's device table (§1), variants included, in table order. */
    static final List<String> SPEC_TABLE_IDS = List.of(
            "openbci-cyton",                                                    // 1 (WiFi shield: same profile, 1000 Hz)
            "openbci-cyton-daisy",                                              // 2
            "openbci-ganglion",                                                 // 3
            "muse-2",                                                           // 4
            "muse-s", "muse-s-athena",                                          // 5
            "emotiv-epoc-x",                                                    // 6
            "emotiv-insight",                                                   // 7
            "unicorn-hybrid-black", "unicorn-hybrid-black-eeg",                 // 8 (combined / split LSL streams)
            "biosemi-activetwo-32", "biosemi-activetwo-64", "biosemi-activetwo-128", "biosemi-activetwo-256", // 9
            "brainproducts-actichamp-32", "brainproducts-actichamp-64", "brainproducts-actichamp-96",
            "brainproducts-actichamp-128", "brainproducts-actichamp-160",       // 10
            "brainproducts-liveamp-8", "brainproducts-liveamp-16", "brainproducts-liveamp-32",
            "brainproducts-liveamp-64",                                         // 11
            "ant-neuro-eego-ee410", "ant-neuro-eego-ee411", "ant-neuro-eego-ee430", "ant-neuro-eego-ee211",
            "ant-neuro-eego-ee212", "ant-neuro-eego-ee213", "ant-neuro-eego-ee214", "ant-neuro-eego-ee215",
            "ant-neuro-eego-ee221", "ant-neuro-eego-ee222", "ant-neuro-eego-ee223", "ant-neuro-eego-ee224",
            "ant-neuro-eego-ee225", "ant-neuro-eego-ee511",                     // 12
            "wearable-sensing-dsi-24",                                          // 13
            "enobio-8", "enobio-20", "enobio-32",                               // 14
            "blackrock-neuroport-128", "blackrock-neuroport-256",               // 15
            "neuropixels-1-ap", "neuropixels-1-lfp",                            // 16
            "neuropixels-2",                                                    // 17
            "neurosity-crown",                                                  // 18
            "brainflow-synthetic");                                             // 19

    /** The other BrainFlow boards of §2.12. */
    static final List<String> SPEC_EXTRA_IDS = List.of(
            "brainbit", "neurosity-notion-1", "neurosity-notion-2", "freeeeg32", "mentalab-explore-4",
            "mentalab-explore-8", "mentalab-explore-plus-8", "mentalab-explore-plus-32", "shimmer3-exg");

    private final DeviceProfiles builtIn = DeviceProfiles.builtIn();

    @Test
    void everyDeviceOfTheSpecIsBuiltIn() {
        List<String> missing = new ArrayList<>(SPEC_TABLE_IDS);
        missing.addAll(SPEC_EXTRA_IDS);
        missing.removeAll(builtIn.ids());
        assertEquals(List.of(), missing, "spec devices without a built-in profile");
        assertEquals(new TreeSet<>(builtIn.ids()), Stream.concat(SPEC_TABLE_IDS.stream(), SPEC_EXTRA_IDS.stream())
                .collect(Collectors.toCollection(TreeSet::new)), "built-in profiles not traced to the spec");
    }

    @Test
    void builtInIsLoadedOnceAndSortedById() {
        assertSame(builtIn, DeviceProfiles.builtIn());
        List<String> ids = builtIn.all().stream().map(DeviceProfile::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(builtIn.ids(), ids);
        assertEquals(ids.size(), builtIn.size());
    }

    @Test
    void indexListsExactlyTheProfileResources() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(DeviceProfiles.INDEX_RESOURCE);
        Path dir = Path.of(index.toURI()).getParent();
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = Files.readAllLines(Path.of(index.toURI())).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, listed);
        assertEquals(files.size(), builtIn.size());
    }

    @Test
    void everyBuiltInProfileLoadsValidatesAndRoundTrips() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        for (DeviceProfile p : builtIn.all()) {
            String resource = "org/bcistream/hardware/profiles/" + p.id() + ".json";
            assertEquals("classpath:" + resource, builtIn.sourceOf(p.id()));
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(p, DeviceProfiles.parse(json, resource));
            }
            // `bcistream profiles show --json` writes profiles with a plain ObjectMapper: that output is the file format.
            assertEquals(p, DeviceProfiles.parse(plain.writeValueAsString(p), p.id()), p.id());
            assertAll(p.id(),
                    () -> assertFalse(p.sources().isEmpty(), "sources"),
                    () -> assertTrue(p.neuralChannelIndices().length > 0, "neural channels"),
                    () -> assertEquals(p.channelCount(), p.neuralChannelIndices().length + p.auxChannelIndices().length),
                    () -> assertTrue(p.lsl().app().length() > 0, "lsl.app"),
                    () -> assertTrue(p.latency().notes().length() > 0, "latency.notes"),
                    () -> assertTrue(p.reference().detail().length() > 0, "reference.detail"));
        }
    }

    @Test
    void openbciCytonMatchesTheSpec() {
        DeviceProfile cyton = builtIn.byId("openbci-cyton");
        assertEquals(8, cyton.channelCount());
        assertEquals(List.of("Fp1", "Fp2", "C3", "C4", "P7", "P8", "O1", "O2"), cyton.neuralChannelLabels());
        assertEquals(250.0, cyton.defaultRateHz());
        assertEquals(List.of(250.0, 1000.0), cyton.samplingRatesHz());
        assertEquals(0.02235, cyton.microvoltsPerCount(), 1e-5);
        assertEquals(4.5e6 / 8388607 / 24, cyton.microvoltsPerCount(), 1e-6, "4.5 V/(2^23-1)/24");
        assertEquals(24, cyton.adcBits());
        assertEquals(0, cyton.brainflowBoardId());
        assertEquals("EEG", cyton.lsl().type());
        assertTrue(cyton.lsl().matchesName("obci_eeg1"));
        assertEquals(50.0, cyton.mainsNotchHz());

        DeviceProfile daisy = builtIn.byId("openbci-cyton-daisy");
        assertEquals(16, daisy.channelCount());
        assertEquals(125.0, daisy.defaultRateHz());
        assertEquals(0.00187, builtIn.byId("openbci-ganglion").microvoltsPerCount(), 1e-5);
        assertEquals(200.0, builtIn.byId("openbci-ganglion").defaultRateHz());
    }

    @Test
    void museHasFourEegChannelsAndTheRightAuxAt256Hz() {
        for (String id : List.of("muse-2", "muse-s")) {
            DeviceProfile muse = builtIn.byId(id);
            assertEquals(256.0, muse.defaultRateHz());
            assertEquals(List.of("TP9", "AF7", "AF8", "TP10"), muse.neuralChannelLabels());
            assertArrayEquals(new int[] {4}, muse.auxChannelIndices());
            assertEquals(new ChannelSpec("Right AUX", ChannelType.AUX, "microvolts"), muse.channels().get(4));
            assertEquals(0.48828125, muse.microvoltsPerCount());
            assertEquals(12, muse.expectedChunkSamples());
            assertEquals("Muse", muse.lsl().namePattern());
        }
        DeviceProfile athena = builtIn.byId("muse-s-athena");
        assertEquals(4, athena.channelCount());
        assertEquals(0.0885, athena.microvoltsPerCount(), 1e-4);
    }

    @Test
    void biosemiVariantsFollowTheLslAppLayout() {
        for (int n : new int[] {32, 64, 128, 256}) {
            DeviceProfile biosemi = builtIn.byId("biosemi-activetwo-" + n);
            assertEquals(0.03125, biosemi.microvoltsPerCount());
            assertEquals(n + 8 + 1, biosemi.channelCount(), "Trig1 + EEG + EX1..EX8");
            assertEquals(ChannelType.TRIGGER, biosemi.channels().get(0).type());
            assertEquals(n + 8, biosemi.neuralChannelIndices().length);
            assertEquals(7.72, biosemi.latency().fixedDelayMs());
            assertEquals(512.0, biosemi.defaultRateHz());
            assertTrue(biosemi.samplingRatesHz().contains(2048.0));
            assertEquals(ReferenceScheme.Kind.UNREFERENCED, biosemi.reference().kind());
        }
        DeviceProfile b64 = builtIn.byId("biosemi-activetwo-64");
        assertEquals(73, b64.channelCount());
        assertEquals(1, b64.indexOf("A1"));
        assertEquals(33, b64.indexOf("B1"));
        assertEquals(65, b64.indexOf("EX1"));
        assertEquals(List.of(512.0, 2048.0, 4096.0, 8192.0), b64.samplingRatesHz());
    }

    @Test
    void emotivHasFourteenEegChannelsAndNotchesItself() {
        DeviceProfile epoc = builtIn.byId("emotiv-epoc-x");
        assertEquals(14, epoc.neuralChannelIndices().length);
        assertEquals(List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8", "FC6", "F4", "F8", "AF4"),
                epoc.neuralChannelLabels());
        assertEquals(0.51, epoc.microvoltsPerCount());
        assertEquals(60.0, epoc.latency().fixedDelayMs());
        assertNull(epoc.mainsNotchHz());
        assertEquals("Counter", epoc.counterChannel());
        assertEquals(List.of(128.0, 256.0), epoc.samplingRatesHz());
        assertTrue(epoc.unverified().contains("lsl.type"));
        DeviceProfile insight = builtIn.byId("emotiv-insight");
        assertEquals(List.of("AF3", "AF4", "T7", "T8", "Pz"), insight.neuralChannelLabels());
        assertEquals(60.0, insight.latency().fixedDelayMs());
    }

    @Test
    void unicornScaleAndUnverifiedReference() {
        DeviceProfile unicorn = builtIn.byId("unicorn-hybrid-black");
        assertEquals(4_500_000.0 / 50_331_642.0, unicorn.microvoltsPerCount(), 1e-15);
        assertEquals(17, unicorn.channelCount());
        assertEquals(8, unicorn.neuralChannelIndices().length);
        assertEquals(15, unicorn.indexOf(unicorn.counterChannel()), "UNICORN_COUNTER_CONFIG_INDEX");
        assertEquals("Data", unicorn.lsl().type());
        assertTrue(unicorn.unverified().contains("reference"));
    }

    @Test
    void intracorticalProfiles() {
        DeviceProfile blackrock = builtIn.byId("blackrock-neuroport-128");
        assertEquals(Modality.INTRACORTICAL, blackrock.modality());
        assertEquals(30_000.0, blackrock.defaultRateHz());
        assertEquals(128, blackrock.channelCount());
        assertEquals("ch001", blackrock.channels().get(0).label());
        assertEquals("ch128", blackrock.channels().get(127).label());
        assertTrue(blackrock.channels().stream().allMatch(c -> c.type() == ChannelType.SPIKES));
        assertTrue(blackrock.unverified().contains("microvoltsPerCount"));
        assertNull(blackrock.mainsNotchHz());
        assertEquals(256, builtIn.byId("blackrock-neuroport-256").channelCount());

        DeviceProfile ap = builtIn.byId("neuropixels-1-ap");
        assertEquals(384, ap.channelCount());
        assertEquals(2.344, ap.microvoltsPerCount(), 1e-3);
        assertEquals(1171.875 / 500, ap.microvoltsPerCount());
        assertEquals(30_000.0, ap.defaultRateHz());
        assertEquals(2_500.0, builtIn.byId("neuropixels-1-lfp").defaultRateHz());
        assertEquals(1171.875 / 250, builtIn.byId("neuropixels-1-lfp").microvoltsPerCount());
        assertEquals(3.0517578125, builtIn.byId("neuropixels-2").microvoltsPerCount());
        assertNull(ap.mainsNotchHz());
    }

    @Test
    void brainflowOnlyBoardsUseTheBrainflowRowLayout() {
        DeviceProfile synthetic = builtIn.byId("brainflow-synthetic");
        assertEquals(Modality.SYNTHETIC, synthetic.modality());
        assertEquals(-1, synthetic.brainflowBoardId());
        assertEquals(32, synthetic.channelCount(), "BrainFlow num_rows");
        assertEquals(16, synthetic.neuralChannelIndices().length);
        assertEquals(0, synthetic.indexOf(synthetic.counterChannel()), "package_num_channel");
        assertEquals(250.0, synthetic.defaultRateHz());

        DeviceProfile crown = builtIn.byId("neurosity-crown");
        assertEquals(List.of("CP3", "C3", "F5", "PO3", "PO4", "F6", "C4", "CP4"), crown.neuralChannelLabels());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, crown.neuralChannelIndices());
        assertEquals(12, crown.channelCount());
        assertEquals(256.0, crown.defaultRateHz());
        assertEquals(23, crown.brainflowBoardId());
    }

    @Test
    void everyEegDeviceWithoutOwnNotchGetsFiftyHertz() {
        for (DeviceProfile p : builtIn.all()) {
            boolean notchesItself = p.id().startsWith("emotiv-");
            if (p.modality() == Modality.EEG && !notchesItself) {
                assertEquals(50.0, p.mainsNotchHz(), p.id());
            } else {
                assertNull(p.mainsNotchHz(), p.id());
            }
        }
    }

    @Test
    void unknownIdSuggestsTheClosestIds() {
        UnknownDeviceException e = assertThrows(UnknownDeviceException.class, () -> builtIn.byId("muse2"));
        assertEquals("muse-2", e.suggestions().get(0));
        assertTrue(e.getMessage().contains("unknown device profile 'muse2'"), e.getMessage());
        assertTrue(e.getMessage().contains("closest known ids: muse-2"), e.getMessage());
        assertTrue(e.getMessage().contains(builtIn.size() + " profiles known"), e.getMessage());

        UnknownDeviceException biosemi = assertThrows(UnknownDeviceException.class, () -> builtIn.byId("biosemi"));
        assertTrue(biosemi.suggestions().stream().allMatch(id -> id.startsWith("biosemi-activetwo-")), biosemi.getMessage());
        assertEquals("openbci-cyton", assertThrows(UnknownDeviceException.class, () -> builtIn.byId("openbci-cytn")).suggestions().get(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builtIn.byId("x")) instanceof UnknownDeviceException);
    }

    @Test
    void findIsOptionalAndIdsAreTrimmedAndCaseInsensitive() {
        assertTrue(builtIn.find("no-such-device").isEmpty());
        assertTrue(builtIn.find(null).isEmpty());
        assertEquals("muse-2", builtIn.find(" MUSE-2 ").orElseThrow().id());
        assertEquals("muse-2", builtIn.byId("Muse-2").id());
    }

    @Test
    void userProfilesExtendTheBuiltIns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab-amp.json");
        Files.writeString(file, InvalidProfileFilesTest.VALID);
        DeviceProfiles mine = builtIn.withAdditional(DeviceProfiles.load(file));
        assertEquals(builtIn.size() + 1, mine.size());
        assertEquals("test-amp", mine.byId("test-amp").id());
        assertEquals(file.toString(), mine.sourceOf("test-amp"));
        assertEquals(builtIn.byId("muse-2"), mine.byId("muse-2"));
        assertEquals(builtIn.size(), DeviceProfiles.builtIn().size(), "the built-in registry is unchanged");
    }

    @Test
    void aUserProfileWithABuiltInIdIsAnErrorNamingBothSources(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-muse.json");
        Files.writeString(file, InvalidProfileFilesTest.VALID.replace("\"test-amp\"", "\"muse-2\""));
        DeviceProfiles user = DeviceProfiles.load(file);
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> builtIn.withAdditional(user));
        assertTrue(e.getMessage().contains("classpath:org/bcistream/hardware/profiles/muse-2.json"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'muse-2'"), e.getMessage());
    }

    @Test
    void aDirectoryLoadsEveryJsonFileAndRejectsDuplicates(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), InvalidProfileFilesTest.VALID);
        Files.writeString(dir.resolve("b.json"), InvalidProfileFilesTest.VALID.replace("\"test-amp\"", "\"test-amp-2\""));
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        assertEquals(List.of("test-amp", "test-amp-2"), DeviceProfiles.load(dir).ids());

        Files.writeString(dir.resolve("c.json"), InvalidProfileFilesTest.VALID);
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> DeviceProfiles.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("a.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("c.json").toString()), e.getMessage());
    }

    @Test
    void anEmptyDirectoryOrAMissingFileIsAnError(@TempDir Path dir) {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> DeviceProfiles.load(dir));
        assertTrue(e.getMessage().contains("no *.json profile file"), e.getMessage());
        assertThrows(IOException.class, () -> DeviceProfiles.load(dir.resolve("absent.json")));
    }

    @Test
    void profilesCanBeRelabelledInCode() {
        DeviceProfile cyton = builtIn.byId("openbci-cyton");
        List<String> montage = List.of("F3", "F4", "C3", "Cz", "C4", "P3", "Pz", "P4");
        DeviceProfile relabelled = cyton.withNeuralChannelLabels(montage);
        assertEquals(montage, relabelled.neuralChannelLabels());
        assertEquals(cyton.samplingRatesHz(), relabelled.samplingRatesHz());
        assertEquals(cyton.microvoltsPerCount(), relabelled.microvoltsPerCount());
        DeviceProfiles session = DeviceProfiles.of("session config", List.of(relabelled));
        assertEquals(montage, session.byId("openbci-cyton").neuralChannelLabels());
        assertEquals("session config", session.sourceOf("openbci-cyton"));
        InvalidProfileException clash = assertThrows(InvalidProfileException.class, () -> builtIn.withAdditional(session));
        assertTrue(clash.getMessage().contains("session config"), clash.getMessage());
    }
}
