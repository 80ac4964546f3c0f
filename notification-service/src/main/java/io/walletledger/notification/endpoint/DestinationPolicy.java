package io.walletledger.notification.endpoint;

import io.walletledger.notification.WebhookSettings;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go. A URL must be absolute http(s) with a host, no user info and no fragment
 * (https only when {@code ledger.webhooks.require-https}); with {@code block-private-networks} (the
 * default) no destination may resolve to a loopback, link-local, private, shared (CGNAT), unspecified,
 * multicast or reserved address unless it lies in {@code allowed-networks}. Checked when an endpoint is
 * saved and again before every attempt (a name may resolve elsewhere later).
 */
@Singleton
public class DestinationPolicy {

    private final boolean requireHttps;
    private final boolean blockPrivate;
    private final List<Cidr> allowed;

    public DestinationPolicy(WebhookSettings settings) {
        this.requireHttps = settings.isRequireHttps();
        this.blockPrivate = settings.isBlockPrivateNetworks();
        this.allowed = settings.getAllowedNetworks().stream().map(Cidr::parse).toList();
    }

    /** A destination the policy refuses; the message says why, without secrets. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses and checks a URL's form; names that do not resolve yet are accepted (checked at delivery). */
    public URI validate(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("'url' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new Refused(requireHttps ? "'url' must be an https URL" : "'url' must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("'url' must name a host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            // java.net.URI takes any number; no attempt could ever be sent there
            throw new Refused("'url' has port " + uri.getPort() + ": a port is 1 to 65535");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("'url' must not contain user info");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("'url' must not contain a fragment");
        }
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            // accepted: the name may be registered later; every attempt checks it again
        }
        return uri;
    }

    /** The check before an attempt: every address the host resolves to must be allowed. */
    public void checkBeforeSending(URI uri) throws Refused {
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            throw new Refused("cannot resolve host " + uri.getHost());
        }
    }

    private void checkAddresses(URI uri) throws Refused, UnknownHostException {
        if (!blockPrivate) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (isRestricted(address) && allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
                throw new Refused("destination " + uri.getHost() + " resolves to a non-public address ("
                        + address.getHostAddress() + "), which is not allowed");
            }
        }
    }

    static boolean isRestricted(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // this network
                    || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;                       // unique local fc00::/7
        }
        return true;
    }

    /** An IPv4 or IPv6 block in CIDR notation; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("ledger.webhooks.allowed-networks: not a CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((candidate[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
