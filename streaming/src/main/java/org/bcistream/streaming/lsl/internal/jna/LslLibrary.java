package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The part of liblsl's C API ({@code include/lsl/*.h}) the binding uses. Type widths follow the C declarations:
 * {@code int32_t} and {@code uint32_t} are {@code int}, the channel-format and transport-flag enums are {@code int},
 * {@code unsigned long} (element counts of chunk functions) is {@link NativeLong} (32 bits on Windows x64, 64 on LP64),
 * handles and {@code char*} results that must be freed with {@code lsl_destroy_string} are {@link Pointer}, and
 * {@code int32_t *ec} out-parameters are one-element arrays. Strings are passed as UTF-8. Chunk element counts are in
 * <em>values</em> (samples x channels), and pull_chunk returns values, not samples.
 */
interface LslLibrary extends Library {
    int lsl_protocol_version();

    int lsl_library_version();

    String lsl_library_info();

    double lsl_local_clock();

    String lsl_last_error();

    void lsl_destroy_string(Pointer s);

    void lsl_set_config_content(String content);

    // --- stream info -----------------------------------------------------------------------------------------

    Pointer lsl_streaminfo_from_xml(String xml);

    void lsl_destroy_streaminfo(Pointer info);

    Pointer lsl_get_xml(Pointer info);

    String lsl_get_name(Pointer info);

    // --- resolve ---------------------------------------------------------------------------------------------

    int lsl_resolve_all(Pointer[] buffer, int bufferElements, double waitTime);

    int lsl_resolve_byprop(Pointer[] buffer, int bufferElements, String prop, String value, int minimum,
            double timeout);

    int lsl_resolve_bypred(Pointer[] buffer, int bufferElements, String pred, int minimum, double timeout);

    // --- outlet ----------------------------------------------------------------------------------------------

    Pointer lsl_create_outlet_ex(Pointer info, int chunkSize, int maxBuffered, int flags);

    void lsl_destroy_outlet(Pointer out);

    Pointer lsl_get_info(Pointer out);

    int lsl_have_consumers(Pointer out);

    int lsl_wait_for_consumers(Pointer out, double timeout);

    int lsl_push_sample_ftp(Pointer out, float[] data, double timestamp, int pushthrough);

    int lsl_push_sample_dtp(Pointer out, double[] data, double timestamp, int pushthrough);

    int lsl_push_sample_ltp(Pointer out, long[] data, double timestamp, int pushthrough);

    int lsl_push_sample_itp(Pointer out, int[] data, double timestamp, int pushthrough);

    int lsl_push_sample_stp(Pointer out, short[] data, double timestamp, int pushthrough);

    int lsl_push_sample_ctp(Pointer out, byte[] data, double timestamp, int pushthrough);

    int lsl_push_sample_buftp(Pointer out, Pointer[] data, int[] lengths, double timestamp, int pushthrough);

    int lsl_push_chunk_ftp(Pointer out, float[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_dtp(Pointer out, double[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_ltp(Pointer out, long[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_itp(Pointer out, int[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_stp(Pointer out, short[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_ctp(Pointer out, byte[] data, NativeLong dataElements, double timestamp, int pushthrough);

    int lsl_push_chunk_buftp(Pointer out, Pointer[] data, int[] lengths, NativeLong dataElements, double timestamp,
            int pushthrough);

    int lsl_push_chunk_ftnp(Pointer out, float[] data, NativeLong dataElements, double[] timestamps, int pushthrough);

    int lsl_push_chunk_dtnp(Pointer out, double[] data, NativeLong dataElements, double[] timestamps,
            int pushthrough);

    int lsl_push_chunk_ltnp(Pointer out, long[] data, NativeLong dataElements, double[] timestamps, int pushthrough);

    int lsl_push_chunk_itnp(Pointer out, int[] data, NativeLong dataElements, double[] timestamps, int pushthrough);

    int lsl_push_chunk_stnp(Pointer out, short[] data, NativeLong dataElements, double[] timestamps, int pushthrough);

    int lsl_push_chunk_ctnp(Pointer out, byte[] data, NativeLong dataElements, double[] timestamps, int pushthrough);

    int lsl_push_chunk_buftnp(Pointer out, Pointer[] data, int[] lengths, NativeLong dataElements,
            double[] timestamps, int pushthrough);

    // --- inlet -----------------------------------------------------------------------------------------------

    Pointer lsl_create_inlet_ex(Pointer info, int maxBuflen, int maxChunklen, int recover, int flags);

    void lsl_destroy_inlet(Pointer in);

    Pointer lsl_get_fullinfo(Pointer in, double timeout, int[] ec);

    void lsl_open_stream(Pointer in, double timeout, int[] ec);

    double lsl_time_correction_ex(Pointer in, double[] remoteTime, double[] uncertainty, double timeout, int[] ec);

    double lsl_pull_sample_f(Pointer in, float[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_d(Pointer in, double[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_l(Pointer in, long[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_i(Pointer in, int[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_s(Pointer in, short[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_c(Pointer in, byte[] buffer, int bufferElements, double timeout, int[] ec);

    double lsl_pull_sample_buf(Pointer in, Pointer[] buffer, int[] lengths, int bufferElements, double timeout,
            int[] ec);

    NativeLong lsl_pull_chunk_f(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_d(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_l(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_i(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_s(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_c(Pointer in, Pointer data, Pointer timestamps, NativeLong dataElements,
            NativeLong timestampElements, double timeout, int[] ec);

    NativeLong lsl_pull_chunk_buf(Pointer in, Pointer data, Pointer lengths, Pointer timestamps,
            NativeLong dataElements, NativeLong timestampElements, double timeout, int[] ec);

    int lsl_samples_available(Pointer in);

    int lsl_inlet_flush(Pointer in);

    int lsl_was_clock_reset(Pointer in);
}
