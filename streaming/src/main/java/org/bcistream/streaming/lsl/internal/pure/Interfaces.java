package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local interfaces multicast goes through: those holding the addresses of {@code multicast.Interfaces}, else
 * every interface that is up, multicast-capable and has an address of the wanted family (liblsl's
 * {@code get_local_interfaces}).
 */
final class Interfaces {
    private static final Logger LOG = LoggerFactory.getLogger(Interfaces.class);

    private Interfaces() {}

    /** The interfaces for IPv4 ({@code v4}) or IPv6 multicast. */
    static List<NetworkInterface> multicast(LslConfig config, boolean v4) {
        List<NetworkInterface> out = new ArrayList<>();
        List<String> configured = config.get(LslOptions.INTERFACES);
        try {
            if (!configured.isEmpty()) {
                for (String a : configured) {
                    InetAddress address = InetAddress.getByName(a);
                    NetworkInterface ni = NetworkInterface.getByInetAddress(address);
                    if (ni != null && (address instanceof Inet4Address) == v4 && !out.contains(ni)) {
                        out.add(ni);
                    }
                }
                return out;
            }
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp() && ni.supportsMulticast() && hasFamily(ni, v4)) {
                    out.add(ni);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the network interfaces: {}", e.getMessage());
        }
        return out;
    }

    private static boolean hasFamily(NetworkInterface ni, boolean v4) throws SocketException {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
            if ((a instanceof Inet4Address) == v4) {
                return true;
            }
        }
        return false;
    }
}
