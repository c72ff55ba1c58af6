package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.UnknownDeviceException;
import org.junit.jupiter.api.Test;

class ProfilesCommandTest {
    private static final String LIST_FORMAT = "%-28s %-36s %-13s %8s %14s %12s  %s";

    private static String row(String key, String value) {
        return String.format(Locale.ROOT, "%-22s %s", key, value);
    }

    @Test
    void listShowsEveryProfileWithChannelsRatesScaleAndLsl() {
        CliRun run = CliRun.of("profiles", "list");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        int count = DeviceProfiles.builtIn().size();
        assertEquals(count + 2, lines.size());
        assertEquals(String.format(Locale.ROOT, LIST_FORMAT, "ID", "DEVICE", "MODALITY", "CHANNELS", "RATE (Hz)", "uV/COUNT", "LSL TYPE / NAME"),
                lines.get(0));
        assertTrue(lines.contains(String.format(Locale.ROOT, LIST_FORMAT,
                "openbci-cyton", "Cyton (8 channels)", "EEG", "8+0", "250/1000", "0.0223520", "EEG / obci_eeg\\d+")), run.out());
        assertTrue(lines.contains(String.format(Locale.ROOT, LIST_FORMAT,
                "blackrock-neuroport-128", "NeuroPort / Cerebus NSP with Utah arrays, 128 channels", "INTRACORTICAL", "128+0",
                "30000", "0.250000", "Spikes / blackrock-neuroport-128")), run.out());
        assertEquals(count + " profiles. Details: bcistream profiles show <id>", lines.get(lines.size() - 1));
        // rows are sorted by id
        List<String> ids = lines.subList(1, lines.size() - 1).stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(DeviceProfiles.builtIn().ids(), ids);
    }

    @Test
    void showPrintsTheProfileInFull() {
        CliRun run = CliRun.of("profiles", "show", "openbci-cyton");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(row("id", "openbci-cyton"), lines.get(0));
        assertEquals(row("device", "OpenBCI Cyton (8 channels)"), lines.get(1));
        assertEquals(row("modality", "EEG"), lines.get(2));
        assertEquals(row("sampling rates (Hz)", "250/1000 (default 250)"), lines.get(3));
        assertEquals(row("scale (uV/count)", "0.0223520 (24-bit ADC)"), lines.get(4));
        assertTrue(lines.get(5).startsWith(row("reference", "COMMON_ELECTRODE: SRB2 common reference pin")), lines.get(5));
        assertEquals(row("transport", "[USB_SERIAL_DONGLE, WIFI]"), lines.get(6));
        assertTrue(lines.contains(row("mains notch (Hz)", "50")), run.out());
        assertTrue(lines.contains(row("chunk (samples)", "-")), run.out());
        assertTrue(lines.contains(row("counter channel", "-")), run.out());
        assertTrue(lines.contains(row("BrainFlow board id", "0")), run.out());
        assertTrue(lines.contains("channels (8: 8 neural, 0 auxiliary)"), run.out());
        assertTrue(lines.contains("    0  Fp1          EEG      microvolts"), run.out());
        assertTrue(lines.contains("    7  O2           EEG      microvolts"), run.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("UNVERIFIED")), "the Cyton has no unverified field");
        assertEquals("", run.err());
    }

    @Test
    void showFlagsUnverifiedFieldsAndMissingValues() {
        CliRun run = CliRun.of("profiles", "show", "blackrock-neuroport-128");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.contains(row("UNVERIFIED", "microvoltsPerCount")), run.out());
        assertTrue(lines.contains(row("mains notch (Hz)", "none recommended")), run.out());
        assertTrue(lines.contains(row("BrainFlow board id", "-")), run.out());
        assertTrue(lines.contains("channels (128: 128 neural, 0 auxiliary)"), run.out());
    }

    @Test
    void showFindsIdsIgnoringCaseAndSpaces() {
        assertEquals(CliRun.of("profiles", "show", "openbci-cyton").out(), CliRun.of("profiles", "show", " OpenBCI-Cyton ").out());
    }

    @Test
    void showOfAnUnknownIdExitsTwoWithTheRegistrysSuggestions() {
        String expected = assertThrows(UnknownDeviceException.class, () -> DeviceProfiles.builtIn().byId("nope")).getMessage();
        CliRun run = CliRun.of("profiles", "show", "nope");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals("bcistream: " + expected + System.lineSeparator(), run.err());
        assertTrue(run.err().contains("closest known ids: "), run.err());
    }

    @Test
    void showJsonParsesBackToAnEqualProfile() {
        CliRun run = CliRun.of("profiles", "show", "openbci-cyton", "--json");
        assertEquals(0, run.exit(), run.err());
        DeviceProfile parsed = DeviceProfiles.parse(run.out(), "cli");
        assertEquals(DeviceProfiles.builtIn().byId("openbci-cyton"), parsed);
    }

    @Test
    void listJsonParsesBackToEveryBuiltInProfile() throws Exception {
        CliRun run = CliRun.of("profiles", "list", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode array = new ObjectMapper().readTree(run.out());
        List<DeviceProfile> all = DeviceProfiles.builtIn().all();
        assertEquals(all.size(), array.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i), DeviceProfiles.parse(array.get(i).toString(), "cli[" + i + "]"));
        }
    }
}
