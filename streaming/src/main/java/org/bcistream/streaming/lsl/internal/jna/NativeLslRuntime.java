package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bcistream.streaming.lsl.BufferUnit;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslImplementation;
import org.bcistream.streaming.lsl.LslInternalException;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.OutletOptions;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LSL runtime backed by the native liblsl through JNA. liblsl reads its configuration once, at its first use in
 * the process: the first runtime hands it a configuration that differs from the defaults with
 * {@code lsl_set_config_content}; later runtimes with another configuration get a warning. Resolves return at most
 * 1024 streams.
 */
public final class NativeLslRuntime implements LslRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLslRuntime.class);
    private static final int MAX_RESULTS = 1024;
    private static final int TRANSP_BUFSIZE_SAMPLES = 1;
    private static final Map<String, LslLibrary> LOADED = new ConcurrentHashMap<>();
    private static String appliedConfig;

    private final LslLibrary lib;
    private final LslConfig config;
    private final List<AutoCloseable> made = new ArrayList<>();

    private NativeLslRuntime(LslLibrary lib, LslConfig config) {
        this.lib = lib;
        this.config = config;
    }

    /**
     * A runtime on liblsl.
     *
     * @param library a file path or library name, empty for JNA's search for {@code lsl}
     * @throws org.bcistream.streaming.lsl.LslUnavailableException if liblsl cannot be loaded
     */
    public static LslRuntime open(LslConfig config, String library) {
        LslLibrary lib = LOADED.computeIfAbsent(library, NativeLibraryLoader::load);
        applyConfig(lib, config);
        LOG.info("Using native liblsl: {}", lib.lsl_library_info());
        return new NativeLslRuntime(lib, config);
    }

    private static synchronized void applyConfig(LslLibrary lib, LslConfig config) {
        String content = config.toIni();
        if (appliedConfig == null) {
            appliedConfig = content;
            if (!content.isEmpty()) {
                lib.lsl_set_config_content(content);
            }
        } else if (!appliedConfig.equals(content)) {
            LOG.warn("liblsl keeps the configuration of its first use in this process; {} is not applied", config);
        }
    }

    @Override
    public LslImplementation implementation() {
        return LslImplementation.NATIVE;
    }

    @Override
    public LslConfig config() {
        return config;
    }

    @Override
    public double localClock() {
        return lib.lsl_local_clock();
    }

    @Override
    public int protocolVersion() {
        return lib.lsl_protocol_version();
    }

    @Override
    public int libraryVersion() {
        return lib.lsl_library_version();
    }

    @Override
    public String libraryInfo() {
        return lib.lsl_library_info();
    }

    @Override
    public List<StreamInfo> resolveAll(double waitTime) {
        Pointer[] buffer = new Pointer[MAX_RESULTS];
        return results(buffer, lib.lsl_resolve_all(buffer, MAX_RESULTS, waitTime), "lsl_resolve_all");
    }

    @Override
    public List<StreamInfo> resolveByProperty(String property, String value, int minimum, double timeout) {
        Pointer[] buffer = new Pointer[MAX_RESULTS];
        return results(buffer, lib.lsl_resolve_byprop(buffer, MAX_RESULTS, property, value, minimum, timeout),
                "lsl_resolve_byprop");
    }

    @Override
    public List<StreamInfo> resolveByPredicate(String predicate, int minimum, double timeout) {
        Pointer[] buffer = new Pointer[MAX_RESULTS];
        return results(buffer, lib.lsl_resolve_bypred(buffer, MAX_RESULTS, predicate, minimum, timeout),
                "lsl_resolve_bypred");
    }

    private List<StreamInfo> results(Pointer[] buffer, int count, String function) {
        NativeErrors.check(lib, count, function);
        List<StreamInfo> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(NativeInfos.take(lib, buffer[i]));
        }
        return out;
    }

    @Override
    public StreamOutlet createOutlet(StreamInfo info, OutletOptions options) {
        Pointer handle = NativeInfos.toHandle(lib, info);
        try {
            Pointer outlet = lib.lsl_create_outlet_ex(handle, options.chunkSize(), options.maxBuffered(),
                    options.unit() == BufferUnit.SAMPLES ? TRANSP_BUFSIZE_SAMPLES : 0);
            if (outlet == null) {
                throw new LslInternalException("lsl_create_outlet_ex failed for " + info.name() + ": "
                        + lib.lsl_last_error());
            }
            return track(new NativeStreamOutlet(lib, outlet));
        } finally {
            lib.lsl_destroy_streaminfo(handle);
        }
    }

    @Override
    public StreamInlet createInlet(StreamInfo info, InletOptions options) {
        Pointer handle = NativeInfos.toHandle(lib, info);
        try {
            Pointer inlet = lib.lsl_create_inlet_ex(handle, options.maxBufferLength(), options.maxChunkLength(),
                    options.recover() ? 1 : 0, options.unit() == BufferUnit.SAMPLES ? TRANSP_BUFSIZE_SAMPLES : 0);
            if (inlet == null) {
                throw new LslInternalException("lsl_create_inlet_ex failed for " + info.name() + ": "
                        + lib.lsl_last_error());
            }
            return track(new NativeStreamInlet(lib, inlet, info));
        } finally {
            lib.lsl_destroy_streaminfo(handle);
        }
    }

    private synchronized <T extends AutoCloseable> T track(T made) {
        this.made.add(made);
        return made;
    }

    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(made);
            made.clear();
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
    }
}
