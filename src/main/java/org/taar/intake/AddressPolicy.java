package org.taar.intake;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Which addresses a feed may live on. A URL from outside must not make Taar reach into its own
 * network (the desk, a database, a cloud metadata service), so a host is refused when ANY of its
 * resolved addresses is not public, unless the source is trusted with {@code allow_private}.
 * <p>
 * The check runs in the HTTP client's resolver, i.e. on the very addresses the connection then
 * uses: a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
public final class AddressPolicy implements SocketAddressResolver {
    /** Says why an address is refused, or null when it may be used. */
    @FunctionalInterface
    public interface Rule {
        String whyRefused(InetAddress address);
    }

    /** The rule for every source not trusted with allow_private. */
    public static final Rule PUBLIC_ONLY = AddressPolicy::whyNotPublic;
    /** The rule for trusted sources. */
    public static final Rule ANY = a -> null;

    private final Rule rule;
    private final Executor executor;

    /** @param executor where the (blocking) DNS lookups run */
    public AddressPolicy(Rule rule, Executor executor) {
        this.rule = rule;
        this.executor = executor;
    }

    /** A host whose address is refused; the message says which address and why. */
    public static final class RefusedAddressException extends IOException {
        public RefusedAddressException(String message) {
            super(message);
        }
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                List<InetSocketAddress> out = new ArrayList<>();
                for (InetAddress a : resolve(host, rule)) out.add(new InetSocketAddress(a, port));
                promise.succeeded(out);
            } catch (Throwable t) {
                promise.failed(t);
            }
        });
    }

    /** Resolves the host and refuses it if the rule refuses any of its addresses. */
    public static List<InetAddress> resolve(String host, Rule rule) throws IOException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("cannot resolve " + h);
        }
        for (InetAddress a : all) {
            String why = rule.whyRefused(a);
            if (why != null) {
                throw new RefusedAddressException("refused " + h + ": it resolves to " + a.getHostAddress()
                        + ", a " + why + " address (set allow_private: true to trust this source)");
            }
        }
        return List.of(all);
    }

    /** True for an address on the public internet. */
    public static boolean isPublic(InetAddress a) {
        return whyNotPublic(a) == null;
    }

    /** Null for a public address, otherwise the kind of address it is, for the error message. */
    public static String whyNotPublic(InetAddress a) {
        if (a.isAnyLocalAddress()) return "unspecified";
        if (a.isLoopbackAddress()) return "loopback";
        if (a.isLinkLocalAddress()) return "link-local";
        if (a.isSiteLocalAddress()) return "private";
        if (a.isMulticastAddress()) return "multicast";
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return whyNotPublic4(b);
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return "unique-local";
            // Addresses that carry an IPv4 address inside are judged by that address.
            if (first == 0x20 && (b[1] & 0xff) == 0x02) return embedded(b, 2); // 6to4 2002::/16
            if (prefix(b, new int[] {0x00, 0x64, 0xff, 0x9b}) && zero(b, 4, 12)) return embedded(b, 12); // NAT64
            if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return embedded(b, 12); // mapped
            if (zero(b, 0, 12)) return "unspecified or IPv4-compatible"; // ::/96, deprecated
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "documentation";
            }
        }
        return null;
    }

    private static String whyNotPublic4(byte[] b) {
        int o1 = b[0] & 0xff;
        int o2 = b[1] & 0xff;
        int o3 = b[2] & 0xff;
        if (o1 == 0) return "unspecified";
        if (o1 == 10 || o1 == 172 && (o2 & 0xf0) == 16 || o1 == 192 && o2 == 168) return "private";
        if (o1 == 127) return "loopback";
        if (o1 == 169 && o2 == 254) return "link-local";
        if (o1 == 100 && (o2 & 0xc0) == 64) return "carrier-grade NAT (100.64.0.0/10)";
        if (o1 == 192 && o2 == 0 && o3 == 0) return "IETF protocol";
        if (o1 == 198 && (o2 & 0xfe) == 18) return "benchmarking";
        if (o1 == 192 && o2 == 0 && o3 == 2 || o1 == 198 && o2 == 51 && o3 == 100 || o1 == 203 && o2 == 0 && o3 == 113) {
            return "documentation";
        }
        if (o1 >= 224) return o1 < 240 ? "multicast" : "reserved";
        return null;
    }

    private static String embedded(byte[] b, int at) {
        return whyNotPublic4(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
    }

    private static boolean prefix(byte[] b, int[] p) {
        for (int i = 0; i < p.length; i++) if ((b[i] & 0xff) != p[i]) return false;
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
