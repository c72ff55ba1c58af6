package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BciStreamTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'--help', 'Usage: bcistream '",
        "'-h', 'Usage: bcistream '",
        "'run --help', 'Usage: bcistream run '",
        "'profiles --help', 'Usage: bcistream profiles '",
        "'profiles list --help', 'Usage: bcistream profiles list '",
        "'profiles show --help', 'Usage: bcistream profiles show '",
        "'help --help', 'Usage: bcistream help '",
        "'help run', 'Usage: bcistream run '",
        "'help profiles', 'Usage: bcistream profiles '",
    })
    void helpWorksOnEveryCommand(String args, String usage) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith(usage)), run.out());
        assertEquals("", run.err());
    }

    @Test
    void topLevelHelpListsTheCommandsAndTheDescription() {
        String out = CliRun.of("--help").out();
        assertTrue(out.contains("Real-time brain-computer-interface decoding engine on Apache Flink."), out);
        for (String command : new String[] {"run", "profiles", "help"}) {
            assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " missing in\n" + out);
        }
    }

    @Test
    void runHelpDocumentsEveryOption() {
        String out = CliRun.of("run", "--help").out();
        for (String option : new String[] {"--source", "--out", "--parallelism", "--buffer-timeout", "--quiet", "--reference",
            "--band-pass", "--filter-order", "--notch", "--window", "--hop", "--bands", "--no-normalise"}) {
            assertTrue(out.contains(option), option + " missing in\n" + out);
        }
        assertTrue(out.contains("Default: sim:"), "the default source is shown:\n" + out);
    }

    @Test
    void commandsWithoutSubcommandPrintTheirUsage() {
        CliRun top = CliRun.of();
        assertEquals(0, top.exit());
        assertEquals(CliRun.of("--help").out(), top.out());
        CliRun profiles = CliRun.of("profiles");
        assertEquals(0, profiles.exit());
        assertEquals(CliRun.of("profiles", "--help").out(), profiles.out());
    }

    @Test
    void versionNamesTheEngineAndTheJava() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit());
        // run from classes, not from the jar: no manifest version
        assertEquals("bcistream dev (Java " + Runtime.version() + ")" + System.lineSeparator(), run.out());
        assertEquals("bcistream dev (Java " + Runtime.version() + ")", new VersionProvider().getVersion()[0]);
    }

    @Test
    void unknownOptionsAndCommandsExitTwoWithTheReason() {
        CliRun option = CliRun.of("run", "--bogus");
        assertEquals(2, option.exit());
        assertTrue(option.err().startsWith("Unknown option: '--bogus'"), option.err());
        assertEquals("", option.out());

        CliRun command = CliRun.of("decode");
        assertEquals(2, command.exit());
        assertTrue(command.err().startsWith("Unmatched argument at index 0: 'decode'"), command.err());

        CliRun missing = CliRun.of("profiles", "show");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("Missing required parameter: '<id>'"), missing.err());
    }
}
