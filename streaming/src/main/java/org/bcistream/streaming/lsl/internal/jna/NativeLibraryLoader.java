package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslUnavailableException;

/**
 * Finds and loads liblsl. A configured library that names a file (it contains a path separator or ends in
 * {@code .so}, {@code .dylib} or {@code .dll}) is loaded from that file only; any other configured text is a library
 * name; with nothing configured the names {@code lsl} (modern builds: {@code liblsl.so}, {@code lsl.dll}) and
 * {@code lsl64} (older builds) are tried with JNA's search ({@code jna.library.path}, the system linker's paths,
 * {@code java.library.path}-style class path resources). The library must be liblsl 1.14 or newer: the binding uses
 * {@code lsl_last_error} and the {@code _ex} constructors. Failures name every place searched.
 */
final class NativeLibraryLoader {
    /** The names tried when no library is configured. */
    static final List<String> DEFAULT_NAMES = List.of("lsl", "lsl64");
    /** The oldest liblsl the binding supports. */
    static final int MIN_VERSION = 114;
    private static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
    private static final List<String> REQUIRED = List.of("lsl_last_error", "lsl_create_outlet_ex",
            "lsl_create_inlet_ex", "lsl_streaminfo_from_xml", "lsl_time_correction_ex", "lsl_inlet_flush",
            "lsl_pull_sample_buf", "lsl_pull_chunk_buf", "lsl_push_chunk_buftnp", "lsl_set_config_content");

    private NativeLibraryLoader() {}

    /**
     * Loads liblsl.
     *
     * @param library a file path or library name, empty for the default names
     * @throws LslUnavailableException if it cannot be loaded, naming the candidates and search paths
     */
    static LslLibrary load(String library) {
        List<String> candidates = candidates(library);
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            if (isFile(candidate) && !new File(candidate).isFile()) {
                failures.add(candidate + ": no such file");
                continue;
            }
            try {
                String name = isFile(candidate) ? new File(candidate).getAbsolutePath() : candidate;
                NativeLibrary nativeLibrary = NativeLibrary.getInstance(name, OPTIONS);
                for (String symbol : REQUIRED) {
                    nativeLibrary.getFunction(symbol);
                }
                LslLibrary lib = Native.load(name, LslLibrary.class, OPTIONS);
                int version = lib.lsl_library_version();
                if (version < MIN_VERSION) {
                    failures.add(candidate + ": liblsl version " + version + " is older than " + MIN_VERSION);
                    continue;
                }
                return lib;
            } catch (LinkageError e) {
                failures.add(candidate + ": " + shorten(e.getMessage()));
            }
        }
        throw new LslUnavailableException(message(candidates, failures));
    }

    static List<String> candidates(String library) {
        return library == null || library.isBlank() ? DEFAULT_NAMES : List.of(library.trim());
    }

    static boolean isFile(String candidate) {
        return candidate.contains("/") || candidate.contains(File.separator) || candidate.endsWith(".so")
                || candidate.endsWith(".dylib") || candidate.endsWith(".dll");
    }

    static String message(List<String> candidates, List<String> failures) {
        return "liblsl could not be loaded; tried " + String.join(", ", candidates) + ". Searched: jna.library.path="
                + property("jna.library.path") + ", java.library.path=" + property("java.library.path") + ", "
                + (Platform.isWindows() ? "PATH" : Platform.isMac() ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH") + "="
                + env(Platform.isWindows() ? "PATH" : Platform.isMac() ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH")
                + ", the system linker's default paths and the class path resource folder "
                + Platform.RESOURCE_PREFIX + "/. Point the engine at liblsl with -D" + Lsl.LIBRARY_PROPERTY
                + "=/path/to/liblsl.so, $" + Lsl.LIBRARY_ENV + " or " + LslOptions.NATIVE_LIBRARY.key()
                + " in lsl_api.cfg. Details: " + String.join("; ", failures);
    }

    /** JNA's message without the class path it lists. */
    static String shorten(String jnaMessage) {
        return String.valueOf(jnaMessage).replace('\n', ' ')
                .replaceAll("not found in resource path \\([^)]*\\)", "not found in the class path resources");
    }

    private static String property(String key) {
        String v = System.getProperty(key);
        return v == null || v.isEmpty() ? "(unset)" : v;
    }

    private static String env(String key) {
        String v = System.getenv(key);
        return v == null || v.isEmpty() ? "(unset)" : v;
    }
}
