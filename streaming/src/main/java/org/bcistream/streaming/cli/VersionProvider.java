package org.bcistream.streaming.cli;

import picocli.CommandLine;

/** Reports the engine's version from the jar manifest (or {@code dev} when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BciStream.class.getPackage().getImplementationVersion();
        return new String[] {"bcistream " + (version == null ? "dev" : version) + " (Java " + Runtime.version() + ")"};
    }
}
