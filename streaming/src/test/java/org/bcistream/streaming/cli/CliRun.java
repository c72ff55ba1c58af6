package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one {@code bcistream} invocation with standard output and error captured. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = BciStream.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard output split into lines. */
    java.util.List<String> outLines() {
        return out.lines().toList();
    }
}
