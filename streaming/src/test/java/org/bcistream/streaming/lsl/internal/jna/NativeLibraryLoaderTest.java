package org.bcistream.streaming.lsl.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bcistream.streaming.lsl.LslUnavailableException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can be checked of the native loading without liblsl: the search and its failure messages. */
class NativeLibraryLoaderTest {

    @Test
    void candidatesAreTheConfiguredLibraryOrTheDefaultNames() {
        assertEquals(List.of("lsl", "lsl64"), NativeLibraryLoader.candidates(""));
        assertEquals(List.of("lsl", "lsl64"), NativeLibraryLoader.candidates(null));
        assertEquals(List.of("/opt/lsl/liblsl.so"), NativeLibraryLoader.candidates(" /opt/lsl/liblsl.so "));
        assertTrue(NativeLibraryLoader.isFile("/opt/lsl/liblsl.so"));
        assertTrue(NativeLibraryLoader.isFile("liblsl.dylib"));
        assertFalse(NativeLibraryLoader.isFile("lsl"));
    }

    @Test
    void aMissingFileIsReportedWithTheSearchPaths() {
        LslUnavailableException e = assertThrows(LslUnavailableException.class,
                () -> NativeLibraryLoader.load("/nonexistent/lsl/liblsl.so"));
        String m = e.getMessage();
        assertTrue(m.contains("/nonexistent/lsl/liblsl.so: no such file"), m);
        assertTrue(m.contains("jna.library.path=") && m.contains("java.library.path="), m);
        assertTrue(m.contains("-Dbcistream.lsl.library") && m.contains("BCISTREAM_LSL_LIBRARY"), m);
    }

    @Test
    void aFileThatIsNotALibraryIsRefused(@TempDir Path dir) throws IOException {
        Path notALibrary = Files.writeString(dir.resolve("liblsl.so"), "this is text, not a shared object");
        LslUnavailableException e = assertThrows(LslUnavailableException.class,
                () -> NativeLibraryLoader.load(notALibrary.toString()));
        assertTrue(e.getMessage().contains(notALibrary.toString()), e.getMessage());
    }

    @Test
    void theDefaultSearchNamesWhatItTried() {
        LslUnavailableException e;
        try {
            NativeLibraryLoader.load("");
            Assumptions.abort("liblsl is installed on this machine; the not-found message cannot be checked");
            return;
        } catch (LslUnavailableException expected) {
            e = expected;
        }
        assertTrue(e.getMessage().startsWith("liblsl could not be loaded; tried lsl, lsl64."), e.getMessage());
        assertFalse(e.getMessage().contains(System.getProperty("java.class.path")), "the class path is left out");
    }
}
