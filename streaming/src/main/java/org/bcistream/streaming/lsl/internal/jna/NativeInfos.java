package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslInternalException;
import org.bcistream.streaming.lsl.StreamInfo;

/**
 * Moves stream infos across the boundary as fullinfo XML: {@code lsl_streaminfo_from_xml} in, {@code lsl_get_xml}
 * out (whose string is freed with {@code lsl_destroy_string}). A declared info without a uid gets a placeholder,
 * because liblsl rejects an empty uid; outlets replace uid, creation time, session id and host name anyway.
 */
final class NativeInfos {
    private NativeInfos() {}

    /**
     * A new native info handle for {@code info}; the caller destroys it.
     *
     * @throws LslArgumentException if liblsl rejects the info
     */
    static Pointer toHandle(LslLibrary lib, StreamInfo info) {
        StreamInfo complete = info.uid().isEmpty() ? info.toBuilder().uid(UUID.randomUUID().toString()).build() : info;
        Pointer handle = lib.lsl_streaminfo_from_xml(complete.toFullInfoXml());
        if (handle == null) {
            throw new LslArgumentException("liblsl could not create a stream info for " + info.name() + ": "
                    + lib.lsl_last_error());
        }
        String name = lib.lsl_get_name(handle);
        if (name == null || name.startsWith("(invalid")) {
            lib.lsl_destroy_streaminfo(handle);
            throw new LslArgumentException("liblsl rejected the stream info of " + info.name() + ": " + name);
        }
        return handle;
    }

    /** The info behind {@code handle}, which the caller still owns. */
    static StreamInfo fromHandle(LslLibrary lib, Pointer handle) {
        Pointer xml = lib.lsl_get_xml(handle);
        if (xml == null) {
            throw new LslInternalException("lsl_get_xml failed");
        }
        try {
            return StreamInfo.fromXml(xml.getString(0, StandardCharsets.UTF_8.name()));
        } finally {
            lib.lsl_destroy_string(xml);
        }
    }

    /** The info behind {@code handle}, destroying the handle. */
    static StreamInfo take(LslLibrary lib, Pointer handle) {
        try {
            return fromHandle(lib, handle);
        } finally {
            lib.lsl_destroy_streaminfo(handle);
        }
    }
}
