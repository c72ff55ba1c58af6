package org.bcistream.streaming.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"sim-1", "Subject_07.run-2", "a", "x.y", "-"})
    void plainIdsAreUsedAsTheyAre(String id) {
        assertEquals(id, SessionFiles.directoryName(id));
    }

    @Test
    void idsOfExactly200PlainCharactersAreStillPlain() {
        assertEquals("a".repeat(200), SessionFiles.directoryName("a".repeat(200)));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}~<hash>]")
    @CsvSource(delimiter = '|', value = {
        "../x|_.._x",
        "..|_..",
        ".|_.",
        ".hidden|_.hidden",
        "a/b|a_b",
        "a\\b|a_b",
        "/etc/passwd|_etc_passwd",
        "C:\\temp|C__temp",
        "séance|s_ance",
        "Пациент-1|_______-1",
        "日本|__",
        "a b|a_b",
        "a:b*c?d|a_b_c_d",
        "~root|_root",
    })
    void unsafeIdsBecomeASanitisedPrefixAndAHash(String id, String prefix) {
        String name = SessionFiles.directoryName(id);
        assertTrue(name.matches(Pattern.quote(prefix) + "~[0-9a-f]{16}"), id + " -> " + name);
    }

    @Test
    void controlCharactersAndSurrogatePairsBecomeUnderscores() {
        assertTrue(SessionFiles.directoryName("a\u0000b").startsWith("a_b~"));
        assertTrue(SessionFiles.directoryName("a\nb").startsWith("a_b~"));
        assertTrue(SessionFiles.directoryName("x\uD83E\uDDE0").startsWith("x__~")); // an emoji is two UTF-16 units
    }

    @Test
    void emptyIdGetsAHashedName() {
        assertTrue(SessionFiles.directoryName("").matches("~[0-9a-f]{16}"));
    }

    @Test
    void veryLongIdsKeepA100CharacterPrefix() {
        assertEquals("a".repeat(100) + "~", SessionFiles.directoryName("a".repeat(10_000)).substring(0, 101));
        assertEquals("_" + ".".repeat(100) + "~", SessionFiles.directoryName(".".repeat(500)).substring(0, 102));
    }

    @Test
    void idsThatSanitiseAlikeStillGetDistinctNames() {
        assertNotEquals(SessionFiles.directoryName("a/b"), SessionFiles.directoryName("a:b"));
        assertNotEquals(SessionFiles.directoryName("a/b"), SessionFiles.directoryName("a_b"));
    }

    @Test
    void theNameNeverLeavesTheDirectoryItIsResolvedIn() {
        Path root = Path.of("/out");
        for (String id : new String[] {"../x", "..", ".", "../../etc", "a/../../b", "/abs", ".hidden", "", "x/..", "..\\.."}) {
            Path dir = root.resolve(SessionFiles.directoryName(id)).normalize();
            assertEquals(root, dir.getParent(), id + " -> " + dir);
            assertNotEquals('.', dir.getFileName().toString().charAt(0), id + " -> " + dir);
        }
    }

    @Test
    void longIdsThatDifferAfter200CharactersGetDistinctNames() {
        String prefix = "subject-".repeat(30); // 240 characters
        assertNotEquals(SessionFiles.directoryName(prefix + "run-1"), SessionFiles.directoryName(prefix + "run-2"));
    }

    @Test
    void dotPrefixedIdDoesNotCollideWithTheSameIdPrefixedByUnderscore() {
        assertNotEquals(SessionFiles.directoryName(".x"), SessionFiles.directoryName("_.x"));
    }
}
