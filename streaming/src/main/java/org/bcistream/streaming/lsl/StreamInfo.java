package org.bcistream.streaming.lsl;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.streaming.lsl.internal.wire.StreamInfoXml;

/**
 * The meta-data of an LSL stream, as liblsl's {@code stream_info}: the declared fields (name, type, channel count,
 * nominal rate in Hz with 0 = irregular, channel format, source id), the fields an outlet assigns (protocol version,
 * creation time in LSL seconds of the outlet's clock, uid, session id, host name), the network fields a resolver
 * fills in (addresses and ports), and the free-form {@link #desc()} tree with {@link #channels() channel}
 * helpers.
 *
 * <p>All fields are immutable except the {@code desc} tree, which is mutable until the info is handed to an
 * outlet (the outlet copies it). Not thread-safe while the tree is being edited. Converts to and from the
 * {@code shortinfo} and {@code fullinfo} XML documents of the protocol.
 *
 * <pre>{@code
 * StreamInfo info = new StreamInfo("Cap", "EEG", 8, 250.0, ChannelFormat.FLOAT32, "cap-1234");
 * info.setChannels(List.of(new ChannelInfo("C3", "microvolts", "EEG"), ...));
 * info.desc().appendChildValue("manufacturer", "Acme");
 * }</pre>
 */
public final class StreamInfo {
    private final String name;
    private final String type;
    private final int channelCount;
    private final double nominalSrate;
    private final ChannelFormat channelFormat;
    private final String sourceId;
    private final int version;
    private final double createdAt;
    private final String uid;
    private final String sessionId;
    private final String hostname;
    private final String v4Address;
    private final int v4DataPort;
    private final int v4ServicePort;
    private final String v6Address;
    private final int v6DataPort;
    private final int v6ServicePort;
    private final XmlElement desc;

    /**
     * A stream description as an application declares it.
     *
     * @param name non-empty stream name
     * @param type content type such as {@code EEG} or {@code Markers}, may be empty
     * @param channelCount number of channels, {@code >= 0}
     * @param nominalSrate samples per second, {@link Lsl#IRREGULAR_RATE} (0) for irregular streams
     * @param channelFormat the value type of every channel
     * @param sourceId a unique id of the data source, may be empty; a non-empty id lets inlets recover
     * @throws LslArgumentException if a value is out of range
     */
    public StreamInfo(String name, String type, int channelCount, double nominalSrate, ChannelFormat channelFormat,
            String sourceId) {
        this(builder().name(name).type(type).channelCount(channelCount).nominalSrate(nominalSrate)
                .channelFormat(channelFormat).sourceId(sourceId));
    }

    /** As {@link #StreamInfo(String, String, int, double, ChannelFormat, String)} with an empty source id. */
    public StreamInfo(String name, String type, int channelCount, double nominalSrate, ChannelFormat channelFormat) {
        this(name, type, channelCount, nominalSrate, channelFormat, "");
    }

    private StreamInfo(Builder b) {
        if (b.name == null || b.name.isEmpty()) {
            throw new LslArgumentException("the name of a stream must be non-empty");
        }
        if (b.channelCount < 0) {
            throw new LslArgumentException("channel count " + b.channelCount + " must be >= 0");
        }
        if (!(b.nominalSrate >= 0) || Double.isInfinite(b.nominalSrate)) {
            throw new LslArgumentException("nominal rate " + b.nominalSrate + " Hz must be finite and >= 0");
        }
        if (b.channelFormat == null) {
            throw new LslArgumentException("channel format must not be null");
        }
        if (b.version <= 0) {
            throw new LslArgumentException("protocol version " + b.version + " must be > 0");
        }
        checkPort("v4data_port", b.v4DataPort);
        checkPort("v4service_port", b.v4ServicePort);
        checkPort("v6data_port", b.v6DataPort);
        checkPort("v6service_port", b.v6ServicePort);
        name = b.name;
        type = nonNull(b.type);
        channelCount = b.channelCount;
        nominalSrate = b.nominalSrate;
        channelFormat = b.channelFormat;
        sourceId = nonNull(b.sourceId);
        version = b.version;
        createdAt = b.createdAt;
        uid = nonNull(b.uid);
        sessionId = nonNull(b.sessionId);
        hostname = nonNull(b.hostname);
        v4Address = nonNull(b.v4Address);
        v4DataPort = b.v4DataPort;
        v4ServicePort = b.v4ServicePort;
        v6Address = nonNull(b.v6Address);
        v6DataPort = b.v6DataPort;
        v6ServicePort = b.v6ServicePort;
        desc = b.desc == null ? new XmlElement("desc") : b.desc.copy().setName("desc");
    }

    /** A builder with liblsl's defaults: version 110, irregular rate, float32, everything else empty or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this info's values (and a copy of its desc tree). */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).type(type).channelCount(channelCount).nominalSrate(nominalSrate)
                .channelFormat(channelFormat).sourceId(sourceId).version(version).createdAt(createdAt).uid(uid)
                .sessionId(sessionId).hostname(hostname).v4(v4Address, v4DataPort, v4ServicePort)
                .v6(v6Address, v6DataPort, v6ServicePort);
        b.desc = desc;
        return b;
    }

    /**
     * Parses a {@code shortinfo} or {@code fullinfo} document.
     *
     * @throws LslProtocolException if the XML is malformed or a field is missing or out of range (liblsl would make
     *     an info named {@code (invalid: reason)} instead)
     */
    public static StreamInfo fromXml(String xml) {
        return StreamInfoXml.parse(xml);
    }

    /** The {@code fullinfo} document: all fields and the desc tree, in liblsl's layout. */
    public String toFullInfoXml() {
        return StreamInfoXml.write(this, true);
    }

    /** The {@code shortinfo} document: all fields with an empty {@code <desc />}, as discovery replies carry. */
    public String toShortInfoXml() {
        return StreamInfoXml.write(this, false);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public int channelCount() {
        return channelCount;
    }

    /** Samples per second; 0 ({@link Lsl#IRREGULAR_RATE}) for irregular streams. */
    public double nominalSrate() {
        return nominalSrate;
    }

    public ChannelFormat channelFormat() {
        return channelFormat;
    }

    public String sourceId() {
        return sourceId;
    }

    /** Protocol version times 100, e.g. 110 for 1.10. */
    public int version() {
        return version;
    }

    /** The outlet's LSL clock, in seconds, when it was created; 0 before that. */
    public double createdAt() {
        return createdAt;
    }

    /** The outlet's random UUID; empty before an outlet is created. */
    public String uid() {
        return uid;
    }

    public String sessionId() {
        return sessionId;
    }

    public String hostname() {
        return hostname;
    }

    /** The IPv4 address a resolver saw the stream at; empty if none. */
    public String v4Address() {
        return v4Address;
    }

    public int v4DataPort() {
        return v4DataPort;
    }

    public int v4ServicePort() {
        return v4ServicePort;
    }

    /** The IPv6 address a resolver saw the stream at; empty if none. */
    public String v6Address() {
        return v6Address;
    }

    public int v6DataPort() {
        return v6DataPort;
    }

    public int v6ServicePort() {
        return v6ServicePort;
    }

    /** The live, mutable {@code <desc>} element. */
    public XmlElement desc() {
        return desc;
    }

    /**
     * The channels described in {@code desc/channels/channel}, in order; empty if the desc has none.
     */
    public List<ChannelInfo> channels() {
        List<ChannelInfo> out = new ArrayList<>();
        desc.child("channels").ifPresent(cs -> {
            for (XmlElement c : cs.children("channel")) {
                out.add(new ChannelInfo(c.childValue("label"), c.childValue("unit"), c.childValue("type")));
            }
        });
        return out;
    }

    /** The channel labels of {@link #channels()}. */
    public List<String> channelLabels() {
        return channels().stream().map(ChannelInfo::label).toList();
    }

    /**
     * Replaces {@code desc/channels} with one {@code <channel>} per entry (empty label, unit or type are left out).
     *
     * @return this
     * @throws LslArgumentException if the list size differs from the channel count
     */
    public StreamInfo setChannels(List<ChannelInfo> channels) {
        if (channels.size() != channelCount) {
            throw new LslArgumentException("got " + channels.size() + " channel descriptions for " + channelCount
                    + " channels");
        }
        desc.removeChildren("channels");
        XmlElement cs = desc.appendChild("channels");
        for (ChannelInfo c : channels) {
            XmlElement ch = cs.appendChild("channel");
            if (!c.label().isEmpty()) {
                ch.appendChildValue("label", c.label());
            }
            if (!c.unit().isEmpty()) {
                ch.appendChildValue("unit", c.unit());
            }
            if (!c.type().isEmpty()) {
                ch.appendChildValue("type", c.type());
            }
        }
        return this;
    }

    /** A deep copy (the desc tree is copied). */
    public StreamInfo copy() {
        return toBuilder().build();
    }

    @Override
    public String toString() {
        return "StreamInfo[name=" + name + ", type=" + type + ", " + channelCount + "x" + channelFormat.xmlName()
                + " @ " + nominalSrate + " Hz, source_id=" + sourceId + ", uid=" + uid + "]";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static void checkPort(String field, int port) {
        if (port < 0 || port > 65535) {
            throw new LslArgumentException(field + " " + port + " must be in 0..65535");
        }
    }

    /** Sets any field of a {@link StreamInfo}; {@link #build()} validates them all. */
    public static final class Builder {
        private String name;
        private String type = "";
        private int channelCount;
        private double nominalSrate = Lsl.IRREGULAR_RATE;
        private ChannelFormat channelFormat = ChannelFormat.FLOAT32;
        private String sourceId = "";
        private int version = Lsl.PROTOCOL_VERSION;
        private double createdAt;
        private String uid = "";
        private String sessionId = "";
        private String hostname = "";
        private String v4Address = "";
        private int v4DataPort;
        private int v4ServicePort;
        private String v6Address = "";
        private int v6DataPort;
        private int v6ServicePort;
        private XmlElement desc;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder channelCount(int channelCount) {
            this.channelCount = channelCount;
            return this;
        }

        public Builder nominalSrate(double nominalSrate) {
            this.nominalSrate = nominalSrate;
            return this;
        }

        public Builder channelFormat(ChannelFormat channelFormat) {
            this.channelFormat = channelFormat;
            return this;
        }

        public Builder sourceId(String sourceId) {
            this.sourceId = sourceId;
            return this;
        }

        /** Protocol version times 100. */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder createdAt(double createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder uid(String uid) {
            this.uid = uid;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** The IPv4 address, TCP data port and UDP service port (0 = none). */
        public Builder v4(String address, int dataPort, int servicePort) {
            this.v4Address = address;
            this.v4DataPort = dataPort;
            this.v4ServicePort = servicePort;
            return this;
        }

        /** The IPv6 address, TCP data port and UDP service port (0 = none). */
        public Builder v6(String address, int dataPort, int servicePort) {
            this.v6Address = address;
            this.v6DataPort = dataPort;
            this.v6ServicePort = servicePort;
            return this;
        }

        public Builder v4Address(String address) {
            this.v4Address = address;
            return this;
        }

        public Builder v6Address(String address) {
            this.v6Address = address;
            return this;
        }

        /** The desc tree; {@link #build()} copies it and names the copy {@code desc}. */
        public Builder desc(XmlElement desc) {
            this.desc = desc;
            return this;
        }

        /**
         * The info.
         *
         * @throws LslArgumentException if a value is out of range
         */
        public StreamInfo build() {
            return new StreamInfo(this);
        }
    }
}
