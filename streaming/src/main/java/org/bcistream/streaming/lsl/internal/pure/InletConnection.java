package org.bcistream.streaming.lsl.internal.pure;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inlet's current endpoint and its recovery (liblsl's {@code inlet_connection}). Only streams with a source id
 * recover. Recovery re-resolves with the query
 * {@code channel_count='N' and name='..' and type='..' and source_id='..' and channel_format='..'} (no session id;
 * empty name/type/source id left out): if the current uid is still visible it reconnects to it; if exactly one other
 * stream matches it switches to it and runs the recovery listeners (which reset the clock offset); if several match
 * it warns and resolves again.
 */
final class InletConnection {
    private static final Logger LOG = LoggerFactory.getLogger(InletConnection.class);

    private final LslConfig config;
    private final Resolver resolver;
    private final boolean recoverable;
    private final Runnable onSwitch;
    private volatile Endpoint current;

    /**
     * @param onSwitch runs after the endpoint changed to another outlet
     */
    InletConnection(StreamInfo info, boolean recover, LslConfig config, Resolver resolver, Runnable onSwitch) {
        this.config = config;
        this.resolver = resolver;
        this.onSwitch = onSwitch;
        this.current = Endpoint.of(info, config, false);
        if (recover && info.sourceId().isEmpty()) {
            LOG.warn("The stream named '{}' can't be recovered automatically if its provider crashes because it "
                    + "doesn't have a unique source ID", info.name());
        }
        this.recoverable = recover && !info.sourceId().isEmpty();
    }

    Endpoint current() {
        return current;
    }

    boolean recoverable() {
        return recoverable;
    }

    /** The query that finds this stream again. */
    String recoveryQuery() {
        StreamInfo info = current.info();
        StringBuilder q = new StringBuilder("channel_count='").append(info.channelCount()).append('\'');
        if (!info.name().isEmpty()) {
            q.append(" and name='").append(info.name()).append('\'');
        }
        if (!info.type().isEmpty()) {
            q.append(" and type='").append(info.type()).append('\'');
        }
        if (!info.sourceId().isEmpty()) {
            q.append(" and source_id='").append(info.sourceId()).append('\'');
        }
        return q.append(" and channel_format='").append(info.channelFormat().xmlName()).append('\'').toString();
    }

    /**
     * Blocks until the stream is visible again (same or new outlet); returns false if cancelled first.
     */
    boolean recover(BooleanSupplier cancelled) {
        String query = recoveryQuery();
        for (int attempt = 0; !cancelled.getAsBoolean(); attempt++) {
            List<StreamInfo> found = resolver.resolve(query, 1, Lsl.FOREVER, attempt == 0 ? 1.0 : 5.0, cancelled);
            if (cancelled.getAsBoolean()) {
                return false;
            }
            if (check(found)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies a resolve result: true if the current uid is among them or the endpoint switched to the only match.
     */
    boolean check(List<StreamInfo> found) {
        String uid = current.info().uid();
        if (found.stream().anyMatch(i -> i.uid().equals(uid))) {
            return true;
        }
        if (found.size() == 1) {
            Endpoint next = Endpoint.of(found.get(0), config, current.isV6());
            LOG.info("Stream {} (source_id {}) recovered at a new outlet: uid {} -> {}", next.info().name(),
                    next.info().sourceId(), uid, next.info().uid());
            current = next;
            onSwitch.run();
            return true;
        }
        if (found.size() > 1) {
            LOG.warn("Found multiple streams with name='{}' and source_id='{}'. Cannot recover unless all but one are "
                    + "closed.", current.info().name(), current.info().sourceId());
        }
        return false;
    }
}
