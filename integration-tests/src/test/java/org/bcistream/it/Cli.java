package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bcistream.streaming.cli.BciStream;
import picocli.CommandLine;

/** Runs {@code bcistream} commands in-process as a user would, and compares the files they write. */
final class Cli {
    private Cli() {}

    /** What a successful command printed. */
    record Result(String out, String err) {}

    /** Runs the command and fails the test, with its error output, unless it exits with 0. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BciStream.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        assertEquals(0, status, "bcistream " + String.join(" ", args) + " failed: " + err);
        return new Result(out.toString(), err.toString());
    }

    /** The regular files under {@code root}, relative to it, sorted. */
    static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Both trees hold the same files with the same bytes. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files = relativeFiles(expected);
        assertEquals(files, relativeFiles(actual));
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), file.toString());
        }
    }
}
