package org.taar.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The reader's address, for limits per reader. Normally the connection's peer. Behind a load
 * balancer every connection comes from the balancer, so when the peer is one of the configured
 * trusted proxies the X-Forwarded-For list is read from the right (each proxy appends the address
 * it saw), skipping trusted hops: the first untrusted address is the reader, since anything to its
 * left the reader may have written itself.
 */
public final class ClientAddress {
    /** An IP literal: parsing it never asks DNS. */
    private static final String LITERAL = "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}";

    private final InetAddressSet trusted = new InetAddressSet();

    public ClientAddress(List<String> trustedProxies) {
        trustedProxies.forEach(trusted::add);
    }

    public String of(Request request) {
        String peer = Request.getRemoteAddr(request);
        return of(peer, request.getHeaders().getValuesList("X-Forwarded-For"));
    }

    String of(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer)) return peer;
        String reader = peer;
        for (int l = forwardedFor.size() - 1; l >= 0; l--) {
            String[] hops = forwardedFor.get(l).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (hop.isEmpty()) continue;
                // Garbage where an address should be: the hop nearest us that we could read is the reader.
                if (!hop.matches(LITERAL)) return reader;
                reader = hop;
                if (!isTrusted(hop)) return hop;
            }
        }
        return reader;
    }

    private boolean isTrusted(String address) {
        if (address == null || !address.matches(LITERAL)) return false;
        try {
            return trusted.test(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
