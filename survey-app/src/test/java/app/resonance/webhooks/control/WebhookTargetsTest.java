package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** A resolver with fixed answers: no test looks anything up in DNS. */
    static WebhookTargets.Resolver dns(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null) {
                if (WebhookTargets.isLiteral(host)) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            String[] all = address.split(" ");
            InetAddress[] result = new InetAddress[all.length];
            for (int i = 0; i < all.length; i++) {
                result[i] = InetAddress.getByName(all[i]);
            }
            return result;
        };
    }

    static final WebhookTargets.Resolver DNS = dns(Map.of(
            "crm.example.com", "93.184.215.14",
            "localhost", "127.0.0.1",
            "rebound.example.com", "93.184.215.14 10.0.0.5",
            "intranet.example.com", "10.1.2.3",
            "v6.example.com", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

    static Optional<WebhookTargets.Refusal> check(WebhookTargets targets, String url) {
        return targets.check(URI.create(url));
    }

    @Test
    void publicAddressesAreFine() {
        WebhookTargets targets = new WebhookTargets(null, DNS);
        assertEquals(Optional.empty(), check(targets, "https://crm.example.com/hook"));
        assertEquals(Optional.empty(), check(targets, "https://v6.example.com/hook"));
        assertEquals(Optional.empty(), check(targets, "http://8.8.8.8/hook"));
        assertEquals(Optional.empty(), check(targets, "http://[2001:4860:4860::8888]/hook"));
        assertEquals(Optional.empty(), check(targets, "http://[::ffff:8.8.8.8]/hook"), "a mapped public IPv4");
    }

    @Test
    void loopbackPrivateLinkLocalUnspecifiedAndTheirIpv6FormsAreRefused() {
        WebhookTargets targets = new WebhookTargets("", DNS);
        for (String url : new String[] {
            "http://127.0.0.1:9/",
            "http://127.1.2.3/",
            "http://localhost:5432/",
            "http://[::1]:5432/",
            "http://0.0.0.0/",
            "http://[::]/",
            "http://10.0.0.1/",
            "http://172.16.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://[fe80::1]/",
            "http://[fd00:ec2::254]/",
            "http://[fc00::1]/",
            "http://[ff02::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::10.0.0.1]/",
            "http://[2002:7f00:1::]/",
            "http://rebound.example.com/",
            "http://intranet.example.com/"
        }) {
            assertEquals(Optional.of(WebhookTargets.Refusal.PRIVATE_ADDRESS), check(targets, url), url);
        }
        assertEquals(Optional.of(WebhookTargets.Refusal.UNKNOWN_HOST), check(targets, "http://nowhere.invalid/"));
    }

    @Test
    void namedPrivateHostsAddressesAndRangesCanBeAllowed() {
        WebhookTargets targets = new WebhookTargets(" intranet.example.com, 127.0.0.1 ,[::1], 10.9.0.0/16", DNS);
        assertEquals(Optional.empty(), check(targets, "https://INTRANET.example.com/hook"), "by name");
        assertEquals(Optional.empty(), check(targets, "http://127.0.0.1:8080/hook"), "by address");
        assertEquals(Optional.empty(), check(targets, "http://localhost:8080/hook"), "a name resolving to one");
        assertEquals(Optional.empty(), check(targets, "http://[::1]:8080/hook"));
        assertEquals(Optional.empty(), check(targets, "http://10.9.200.1/hook"), "in the range");
        assertEquals(
                Optional.of(WebhookTargets.Refusal.PRIVATE_ADDRESS),
                check(targets, "http://10.8.0.1/hook"),
                "outside the range");
        assertEquals(
                Optional.of(WebhookTargets.Refusal.PRIVATE_ADDRESS),
                check(targets, "http://127.0.0.2/hook"),
                "only the address allowed");
        assertEquals(
                Optional.of(WebhookTargets.Refusal.PRIVATE_ADDRESS),
                check(targets, "http://rebound.example.com/hook"),
                "one private address among public ones is enough to refuse");
    }
}
