package org.bcistream.streaming.lsl.internal.pure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.StreamInfo;

/**
 * Where an inlet reaches its stream: the resolved info (uid, rate) and the TCP data and UDP service addresses.
 * IPv4 is used when the info has a v4 address and both v4 ports and IPv4 is allowed, else IPv6 (liblsl's
 * {@code set_protocols}), unless {@code preferV6}.
 *
 * @param info the resolved stream info
 * @param data the TCP data address
 * @param service the UDP service address
 */
record Endpoint(StreamInfo info, InetSocketAddress data, InetSocketAddress service) {

    /**
     * The endpoint of a resolved info.
     *
     * @throws LslArgumentException if the info has no usable address
     */
    static Endpoint of(StreamInfo info, LslConfig config, boolean preferV6) {
        boolean hasV4 = !info.v4Address().isEmpty() && info.v4DataPort() > 0 && info.v4ServicePort() > 0;
        boolean hasV6 = !info.v6Address().isEmpty() && info.v6DataPort() > 0 && info.v6ServicePort() > 0;
        boolean canV4 = config.allowIpv4() && hasV4;
        boolean canV6 = config.allowIpv6() && hasV6;
        try {
            if ((preferV6 && canV6) || (!canV4 && canV6)) {
                InetAddress a = InetAddress.getByName(info.v6Address());
                return new Endpoint(info, new InetSocketAddress(a, info.v6DataPort()),
                        new InetSocketAddress(a, info.v6ServicePort()));
            }
            if (canV4) {
                InetAddress a = InetAddress.getByName(info.v4Address());
                return new Endpoint(info, new InetSocketAddress(a, info.v4DataPort()),
                        new InetSocketAddress(a, info.v4ServicePort()));
            }
        } catch (UnknownHostException e) {
            throw new LslArgumentException("stream " + info.name() + " has an unusable address: " + e.getMessage());
        }
        throw new LslArgumentException("stream " + info.name() + " was not resolved: it has no address with data "
                + "and service ports for an allowed IP stack (v4 '" + info.v4Address() + "' " + info.v4DataPort()
                + "/" + info.v4ServicePort() + ", v6 '" + info.v6Address() + "' " + info.v6DataPort() + "/"
                + info.v6ServicePort() + ")");
    }

    boolean isV6() {
        return !(data.getAddress() instanceof java.net.Inet4Address);
    }
}
