package org.bcistream.models.bundle;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.function.Executable;

/** Shared assertions and fixtures of the bundle tests. */
final class Refusals {
    private Refusals() {}

    /** Asserts that {@code call} throws exactly a {@link BundleFormatException} whose message holds every fragment. */
    static BundleFormatException refused(Executable call, String... fragments) {
        BundleFormatException e = assertThrows(BundleFormatException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message <" + e.getMessage() + "> lacks <" + fragment + ">");
        }
        return e;
    }

    /** A file under {@code src/test/resources/bundle}. */
    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(Refusals.class.getResource("/bundle/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
