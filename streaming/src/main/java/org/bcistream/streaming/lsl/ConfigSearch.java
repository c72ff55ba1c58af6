package org.bcistream.streaming.lsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * liblsl's search for {@code lsl_api.cfg} ({@code api_config.cpp}): {@code $LSLAPICFG}, then the API-given file,
 * then {@code ./lsl_api.cfg}, {@code ~/lsl_api/lsl_api.cfg} and {@code /etc/lsl_api/lsl_api.cfg}. The first readable
 * file that parses wins; a file that fails to parse is logged and the search goes on; nothing found means defaults.
 * The environment and directories are injected so tests can stage them.
 */
final class ConfigSearch {
    static final String ENV_VARIABLE = "LSLAPICFG";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSearch.class);

    private final UnaryOperator<String> env;
    private final Path workingDir;
    private final Path home;
    private final Path etcFile;

    ConfigSearch(UnaryOperator<String> env, Path workingDir, Path home, Path etcFile) {
        this.env = env;
        this.workingDir = workingDir;
        this.home = home;
        this.etcFile = etcFile;
    }

    static ConfigSearch system() {
        return new ConfigSearch(System::getenv, Path.of(""), Path.of(System.getProperty("user.home")),
                Path.of("/etc/lsl_api/lsl_api.cfg"));
    }

    /** The first configuration found, {@code apiFile} (nullable) searched after {@code $LSLAPICFG}. */
    LslConfig load(Path apiFile) {
        List<Path> candidates = new ArrayList<>();
        String fromEnv = env.apply(ENV_VARIABLE);
        if (fromEnv != null) {
            addIfReadable(candidates, Path.of(fromEnv), ENV_VARIABLE + " file");
        }
        if (apiFile != null) {
            addIfReadable(candidates, apiFile, "config file");
        }
        candidates.add(workingDir.resolve("lsl_api.cfg"));
        candidates.add(home.resolve("lsl_api").resolve("lsl_api.cfg"));
        candidates.add(etcFile);
        for (Path file : candidates) {
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                LslConfig config = LslConfig.parse(Files.readString(file, StandardCharsets.UTF_8), "file " + file);
                LOG.info("LSL configuration loaded from {}", file);
                return config;
            } catch (IOException | LslConfigException e) {
                LOG.error("Error trying to load LSL config file {}: {}; trying the next place", file, e.getMessage());
            }
        }
        return LslConfig.defaults();
    }

    private static void addIfReadable(List<Path> candidates, Path file, String what) {
        if (Files.isReadable(file)) {
            candidates.add(file);
        } else {
            LOG.error("{} {} not found", what, file);
        }
    }
}
