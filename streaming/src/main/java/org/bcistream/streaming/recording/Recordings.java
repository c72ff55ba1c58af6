package org.bcistream.streaming.recording;

import org.bcistream.streaming.recording.csv.MuseCsvRecording;
import org.bcistream.streaming.recording.csv.OpenBciTextRecording;
import org.bcistream.streaming.recording.edf.EdfRecording;
import org.bcistream.streaming.recording.xdf.XdfRecording;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens a recording of any supported format, recognised by its first bytes (not its name): XDF
 * ({@code XDF:}), EDF/EDF+ ({@code 0} followed by spaces), BDF/BDF+ ({@code 0xFF BIOSEMI}), OpenBCI GUI
 * text ({@code %OpenBCI}) and muse-lsl CSV (a {@code timestamps,} header).
 */
public final class Recordings {
    private Recordings() {}

    /** The formats {@link #open} recognises. */
    public enum Format {
        XDF,
        EDF,
        BDF,
        OPENBCI_TEXT,
        MUSE_CSV
    }

    /**
     * Opens {@code path} with the reader of its format.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws RecordingFormatException if the format is not recognised or the file breaks it
     */
    public static Recording open(Path path) throws IOException {
        return switch (detect(path)) {
            case XDF -> XdfRecording.open(path);
            case EDF, BDF -> EdfRecording.open(path);
            case OPENBCI_TEXT -> OpenBciTextRecording.open(path);
            case MUSE_CSV -> MuseCsvRecording.open(path);
        };
    }

    /** The format of a file from its first bytes. */
    public static Format detect(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such recording file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.startsWith("XDF:")) {
            return Format.XDF;
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0xFF && text.startsWith("BIOSEMI", 1)) {
            return Format.BDF;
        }
        if (head.length >= 8 && text.startsWith("0       ")) {
            return Format.EDF;
        }
        if (text.startsWith("%OpenBCI")) {
            return Format.OPENBCI_TEXT;
        }
        if (text.toLowerCase(Locale.ROOT).startsWith("timestamps,")) {
            return Format.MUSE_CSV;
        }
        throw new RecordingFormatException(String.format(Locale.ROOT,
                "%s: not a recording this engine reads (first bytes %s); supported: XDF, EDF/EDF+, BDF/BDF+, "
                        + "muse-lsl CSV, OpenBCI GUI text", path, Arrays.toString(Arrays.copyOf(head, Math.min(8, head.length)))));
    }
}
