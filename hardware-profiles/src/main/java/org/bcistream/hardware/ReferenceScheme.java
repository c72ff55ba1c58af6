package org.bcistream.hardware;

import java.util.Objects;

/**
 * How a device references its electrodes in hardware, and so what a decoder must do in software.
 *
 * <p>Invariant: {@code kind} is non-null; {@code detail} is never {@code null} (absent reads as empty).
 *
 * @param kind the scheme
 * @param detail free text from the vendor or the LSL app (electrode names, caveats)
 */
public record ReferenceScheme(@JsonRequired Kind kind, String detail) implements java.io.Serializable {
    /** Hardware reference schemes seen across the supported devices. */
    public enum Kind {
        /** All channels measured against one reference electrode (e.g. OpenBCI SRB2, Muse Fpz). */
        COMMON_ELECTRODE,
        /** Common-mode sense / driven right leg loop (Emotiv, Enobio). */
        CMS_DRL,
        /** Data are recorded unreferenced; a reference must be applied in software (BioSemi). */
        UNREFERENCED,
        /** Reference chosen per channel or per array in the device or its software (Neuropixels, Utah arrays). */
        CONFIGURABLE,
        /** Not applicable (synthetic devices). */
        NONE,
        /** Not stated in the sources consulted; check the vendor manual before relying on it. */
        UNKNOWN
    }

    /** Checks the invariants above; absent detail becomes empty. */
    public ReferenceScheme {
        Objects.requireNonNull(kind, "reference kind");
        detail = detail == null ? "" : detail;
    }
}
