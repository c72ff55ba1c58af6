package org.bcistream.streaming.cli;

import picocli.CommandLine;

/** Small helpers shared by the commands. */
final class Commands {
    private Commands() {}

    /** The whole command line as typed, {@code bcistream ...}, for the provenance of what a command writes. */
    static String line(CommandLine.Model.CommandSpec spec) {
        return "bcistream " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
    }
}
