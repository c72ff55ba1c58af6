package org.bcistream.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/devices.md cannot rot: its table lists exactly the built-in profiles and its example profile is valid. */
class DevicesDocTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static String doc() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.readString(moduleDir.resolveSibling("docs").resolve("devices.md"));
    }

    @Test
    void theTableListsEveryBuiltInProfileAndNoOther() throws IOException {
        Set<String> listed = new TreeSet<>();
        String doc = doc();
        int start = doc.indexOf("\n## Built-in profiles");
        assertTrue(start >= 0, "docs/devices.md has no '## Built-in profiles' section");
        int end = doc.indexOf("\n## ", start + 1);
        Matcher row = TABLE_ROW.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        while (row.find()) {
            assertTrue(listed.add(row.group(1)), "listed twice: " + row.group(1));
        }
        Set<String> builtIn = new TreeSet<>(DeviceProfiles.builtIn().ids());
        Set<String> missing = new TreeSet<>(builtIn);
        missing.removeAll(listed);
        assertEquals(Set.of(), missing, "built-in profiles missing from docs/devices.md");
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(builtIn);
        assertEquals(Set.of(), stale, "docs/devices.md lists profiles that are not built in");
    }

    @Test
    void theCompleteExampleIsAValidProfileWithEveryField() throws IOException {
        Matcher block = JSON_BLOCK.matcher(doc());
        assertTrue(block.find(), "docs/devices.md has no ```json example");
        String json = block.group(1);
        DeviceProfile example = DeviceProfiles.parse(json, "docs/devices.md example");
        assertEquals("lab-cyton-motor", example.id());
        assertEquals(List.of("FC3", "C3", "CP3", "Cz", "FC4", "C4", "CP4", "EOG"), example.neuralChannelLabels());
        for (var component : DeviceProfile.class.getRecordComponents()) {
            assertTrue(json.contains("\"" + component.getName() + "\""), "the example omits " + component.getName());
        }
    }
}
