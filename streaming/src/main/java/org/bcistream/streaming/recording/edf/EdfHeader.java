package org.bcistream.streaming.recording.edf;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The header of an EDF/EDF+ or BDF/BDF+ file as read and validated, text fields trimmed of surrounding
 * spaces.
 *
 * @param bdf {@code true} for BDF (first byte {@code 0xFF}, {@code BIOSEMI}, 24-bit samples), {@code false}
 *     for EDF (16-bit samples)
 * @param version the version field: {@code 0} for EDF, {@code BIOSEMI} for BDF (without the {@code 0xFF})
 * @param patient local patient identification (EDF+: code, sex, birthdate, name)
 * @param recording local recording identification (EDF+: {@code Startdate dd-MMM-yyyy ...})
 * @param startDate the start date field as written, {@code dd.mm.yy}
 * @param startTime the start time field as written, {@code hh.mm.ss}
 * @param startDateTime start date and time (years 85..99 are 19xx, 00..84 are 20xx), or {@code null} when the
 *     fields do not form a valid date and time (a warning says so)
 * @param headerBytes bytes in the header, {@code 256 * (signal count + 1)}
 * @param reserved the reserved field: {@code EDF+C}, {@code EDF+D}, {@code BDF+C}, {@code BDF+D},
 *     {@code 24BIT} or empty
 * @param recordCount number of data records as declared; {@code -1} when the writer left it unknown
 * @param recordDurationSeconds duration of a data record, seconds ({@code 0} only for annotation-only files)
 * @param signals the signals in header order, annotation and Status signals included
 */
public record EdfHeader(
        boolean bdf,
        String version,
        String patient,
        String recording,
        String startDate,
        String startTime,
        LocalDateTime startDateTime,
        int headerBytes,
        String reserved,
        long recordCount,
        double recordDurationSeconds,
        List<EdfSignal> signals) {

    public EdfHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(reserved, "reserved");
        signals = List.copyOf(signals);
    }

    /** Whether the reserved field marks the file as EDF+ or BDF+ (annotations, time-keeping TALs). */
    public boolean isPlus() {
        return reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    }

    /** Whether the file is EDF+D or BDF+D: data records may leave gaps, each one's start is in its TAL. */
    public boolean isDiscontinuous() {
        return reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D");
    }

    /** {@code EDF}, {@code EDF+C}, {@code EDF+D}, {@code BDF}, {@code BDF+C} or {@code BDF+D}. */
    public String format() {
        String base = bdf ? "BDF" : "EDF";
        return isPlus() ? base + (isDiscontinuous() ? "+D" : "+C") : base;
    }

    /** Bytes per sample: 3 for BDF, 2 for EDF. */
    public int bytesPerSample() {
        return bdf ? 3 : 2;
    }

    /** Bytes in one data record: the sum over signals of samples per record times bytes per sample. */
    public long recordBytes() {
        long samples = 0;
        for (EdfSignal s : signals) {
            samples += s.samplesPerRecord();
        }
        return samples * bytesPerSample();
    }
}
