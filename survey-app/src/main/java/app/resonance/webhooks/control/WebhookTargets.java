package app.resonance.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may go: only to public addresses. A URL whose host resolves to any loopback, private,
 * link-local (cloud metadata included), unique-local, carrier-grade NAT, multicast, reserved or
 * unspecified address, IPv4 or IPv6 (also an IPv4 address wrapped in IPv6), is refused: at registration
 * (422 naming the url) and again before every delivery, since DNS can change in between. Redirects are
 * never followed (WebhookDispatcher).
 *
 * <p>Receivers inside a company network are allowed by name in {@code resonance.webhooks.private-hosts}
 * (comma separated): a host name as written in the URL ({@code crm.internal}), an address
 * ({@code 10.1.2.3}, {@code ::1}) or a range ({@code 10.1.0.0/16}). Empty by default.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Why a URL was refused. */
    public enum Refusal {
        /** The host does not resolve. */
        UNKNOWN_HOST,
        /** The host resolves to an address that is not public, and is not allowed. */
        PRIVATE_ADDRESS
    }

    /** Resolves a host name to its addresses (the system resolver; tests put in their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private List<String> allowed = List.of();
    private Resolver resolver = InetAddress::getAllByName;

    public WebhookTargets() {}

    /** Outside the container (tests): the allow-list and the resolver given. */
    public WebhookTargets(String privateHosts, Resolver resolver) {
        configure(Optional.ofNullable(privateHosts));
        this.resolver = resolver;
    }

    @Inject
    void configure(@ConfigProperty(name = "resonance.webhooks.private-hosts") Optional<String> privateHosts) {
        allowed = privateHosts.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(entry -> unbracket(entry.strip().toLowerCase(Locale.ROOT)))
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** A refusal as a delivery's last error reads. */
    public static String describe(Refusal refusal) {
        return refusal == Refusal.UNKNOWN_HOST
                ? "Refused: the host does not resolve"
                : "Refused: the host resolves to an address that is not public";
    }

    /** The error of a URL that may not be registered now ({@code url} named), in the request's language. */
    public Optional<app.resonance.platform.control.FieldError> urlError(
            URI url, app.resonance.platform.control.Messages messages) {
        return check(url)
                .map(refusal -> messages.error(
                        "url", refusal == Refusal.UNKNOWN_HOST ? "webhookUnknownHost" : "webhookPrivate"));
    }

    /** Empty if a webhook may be sent to this URL now, else why not. The URL is http(s) with a host. */
    public Optional<Refusal> check(URI url) {
        String host = unbracket(url.getHost().toLowerCase(Locale.ROOT));
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        return target(url).refusal();
    }

    /** The address a delivery connects to, or why it may not be sent. */
    public record Target(InetAddress address, Optional<Refusal> refusal) {
        static Target refused(Refusal why) {
            return new Target(null, Optional.of(why));
        }
    }

    /**
     * Looks the URL's host up once and checks every address it has: the delivery then connects to the address
     * checked here ({@link WebhookPost}), never to what a second lookup answers (DNS rebinding: a name that
     * answers a public address to the check and a private one to the connection).
     */
    public Target target(URI url) {
        String host = unbracket(url.getHost().toLowerCase(Locale.ROOT));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return Target.refused(Refusal.UNKNOWN_HOST);
        }
        if (addresses == null || addresses.length == 0) {
            return Target.refused(Refusal.UNKNOWN_HOST);
        }
        if (!allowed.contains(host)) {
            for (InetAddress address : addresses) {
                if (!isPublic(address) && !isAllowed(address)) {
                    return Target.refused(Refusal.PRIVATE_ADDRESS);
                }
            }
        }
        return new Target(addresses[0], Optional.empty());
    }

    private boolean isAllowed(InetAddress address) {
        for (String entry : allowed) {
            int slash = entry.indexOf('/');
            try {
                if (slash < 0) {
                    if (isLiteral(entry) && InetAddress.getByName(entry).equals(address)) {
                        return true;
                    }
                } else if (isLiteral(entry.substring(0, slash))
                        && inRange(
                                address,
                                InetAddress.getByName(entry.substring(0, slash)),
                                Integer.parseInt(entry.substring(slash + 1)))) {
                    return true;
                }
            } catch (UnknownHostException | NumberFormatException e) {
                // not an address or range: a host name, matched by name only
            }
        }
        return false;
    }

    /** An IP address literal (never looked up in DNS). */
    static boolean isLiteral(String text) {
        return text.contains(":") || text.matches("[0-9.]+");
    }

    /** Whether an address is on the public internet: none of the special ranges a server may reach inside. */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return isPublic(embedded.get());
            }
            int first = b[0] & 0xff;
            return !(v6.isAnyLocalAddress()
                    || v6.isLoopbackAddress()
                    || v6.isLinkLocalAddress()
                    || v6.isSiteLocalAddress()
                    || v6.isMulticastAddress()
                    || (first & 0xfe) == 0xfc // unique local fc00::/7 (fd00:ec2::254 among them)
                    || (first == 0x20
                            && (b[1] & 0xff) == 0x01
                            && b[2] == 0x0d
                            && (b[3] & 0xff) == 0xb8) // 2001:db8::/32
                    || first == 0x00); // ::/8: unspecified, loopback, other reserved
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress() // 169.254.0.0/16: cloud metadata
                || address.isSiteLocalAddress() // 10/8, 172.16/12, 192.168/16
                || address.isMulticastAddress()
                || a0 == 0 // 0.0.0.0/8
                || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT 100.64/10
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking 198.18/15
                || a0 >= 240); // reserved 240/4 and broadcast
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::/96), IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96)
     * or 6to4 (2002::/16) one.
     */
    static Optional<InetAddress> embeddedIpv4(byte[] v6) {
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            try {
                return Optional.of(Inet4Address.getByAddress(Arrays.copyOfRange(v6, 2, 6)));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= v6[i] == 0;
        }
        boolean compatible = zeros && v6[10] == 0 && v6[11] == 0 && !allZeroOrOne(v6);
        boolean mapped = zeros && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean nat64 =
                (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (!(compatible || mapped || nat64)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(Arrays.copyOfRange(v6, 12, 16)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** :: and ::1, which are IPv6's own unspecified and loopback addresses, not wrapped IPv4 ones. */
    private static boolean allZeroOrOne(byte[] v6) {
        for (int i = 0; i < 15; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[15] == 0 || v6[15] == 1;
    }

    static boolean inRange(InetAddress address, InetAddress network, int prefix) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length || prefix < 0 || prefix > a.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
