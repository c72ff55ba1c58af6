package org.bcistream.models.bundle;

/**
 * Where a bundle's weights came from, so that training can be replayed: the seed, the data, the command
 * and the software that produced them.
 *
 * @param seed the root seed of the training run's random streams
 * @param dataFingerprint identifies the training data exactly, for example the lowercase hex SHA-256 of the
 *     recording files in a stated order; non-blank
 * @param command the command line (or equivalent call) that trained the model; non-blank
 * @param createdBy the software and version that wrote the bundle, for example {@code "bcistream 0.1.0"};
 *     non-blank
 * @param notes free text, or {@code null} when there is none
 */
public record Provenance(long seed, String dataFingerprint, String command, String createdBy, String notes) {

    /**
     * @throws IllegalArgumentException if {@code dataFingerprint}, {@code command} or {@code createdBy} is
     *     null or blank
     */
    public Provenance {
        nonBlank(dataFingerprint, "dataFingerprint");
        nonBlank(command, "command");
        nonBlank(createdBy, "createdBy");
    }

    /** Provenance without notes. */
    public static Provenance of(long seed, String dataFingerprint, String command, String createdBy) {
        return new Provenance(seed, dataFingerprint, command, createdBy, null);
    }

    private static void nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("provenance " + field + " must be a non-blank string; got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}
