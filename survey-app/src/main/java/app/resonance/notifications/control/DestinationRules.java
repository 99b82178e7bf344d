package app.resonance.notifications.control;

import app.resonance.customers.control.CustomerProfileValidator;
import app.resonance.followups.entity.AlertKind;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a notification destination may be, checked before anything is stored: a kind, a name, an https URL for
 * Slack and Teams (their webhook URLs are https; plain http only to this machine's loopback, where the operator
 * allows it for tests and the demo's receiver), one to twenty addresses for e-mail, German or English, known alert
 * kinds. Also how a secret URL is shown once stored: masked.
 */
public final class DestinationRules {

    /** Where a destination's messages go. */
    public enum Kind {
        SLACK,
        TEAMS,
        EMAIL
    }

    public static final int MAX_ADDRESSES = 20;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private DestinationRules() {}

    /** A destination as an admin sends it; null lists mean "all". */
    public record Draft(
            String kind,
            String name,
            String url,
            List<String> addresses,
            String language,
            List<String> alertKinds,
            List<String> surveys,
            Boolean enabled) {}

    /**
     * The errors of a draft (the surveys are the caller's to look up). {@code keepUrl}: a stored destination's URL
     * stays when the draft has none.
     */
    public static List<FieldError> validate(Draft draft, boolean loopbackAllowed, boolean keepUrl, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = kind(draft.kind()).orElse(null);
        if (kind == null) {
            errors.add(messages.error("kind", "oneOf", "SLACK, TEAMS, EMAIL"));
        }
        if (draft.name() == null || draft.name().isBlank()) {
            errors.add(messages.error("name", "required"));
        } else if (draft.name().length() > 100 || !TextRules.isClean(draft.name())) {
            errors.add(messages.error("name", "tooLong", 100));
        }
        if (kind == Kind.EMAIL) {
            List<String> addresses = draft.addresses() == null ? List.of() : draft.addresses();
            if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
                errors.add(messages.error("addresses", "notificationAddresses", MAX_ADDRESSES));
            } else if (addresses.stream()
                    .anyMatch(a -> a == null
                            || a.strip().length() > 254
                            || !CustomerProfileValidator.EMAIL
                                    .matcher(a.strip())
                                    .matches())) {
                errors.add(messages.error("addresses", "email"));
            }
        } else if (kind != null && !(keepUrl && draft.url() == null) && !urlAllowed(draft.url(), loopbackAllowed)) {
            errors.add(messages.error("url", "notificationUrl"));
        }
        if (draft.language() != null && !List.of("de", "en").contains(draft.language())) {
            errors.add(messages.error("language", "oneOf", "de, en"));
        }
        if (draft.alertKinds() != null
                && !draft.alertKinds().stream().allMatch(k -> alertKind(k).isPresent())) {
            errors.add(messages.error(
                    "alertKinds",
                    "oneOf",
                    String.join(
                            ", ",
                            Arrays.stream(AlertKind.values()).map(Enum::name).toList())));
        }
        return errors;
    }

    /**
     * An https URL with a host and no credentials, or an http one to the loopback when that is allowed. Where the
     * host points is checked apart from this (the webhooks' rules: public addresses only).
     */
    static boolean urlAllowed(String url, boolean loopbackAllowed) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                return false;
            }
            return scheme.equals("https") || (scheme.equals("http") && loopbackAllowed && isLoopback(uri));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether the URL names this machine by a loopback name or address. */
    public static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_NAMES.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** The loopback address a loopback URL names (never a DNS answer). */
    static InetAddress loopbackAddress(URI uri) throws UnknownHostException {
        String host = uri.getHost();
        return host.contains(":") ? InetAddress.getByName("::1") : InetAddress.getByName("127.0.0.1");
    }

    /**
     * A secret URL as lists show it: scheme, host and the path's last four characters ({@code
     * https://hooks.slack.com/…b7Xz}). Slack and Teams webhook URLs are their own credential: whoever has one can
     * post to the channel.
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String tail = rest.length() > 12 ? rest.substring(rest.length() - 4) : "";
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…"
                    + tail;
        } catch (URISyntaxException e) {
            return "…";
        }
    }

    public static Optional<Kind> kind(String kind) {
        return Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst();
    }

    public static Optional<AlertKind> alertKind(String kind) {
        return Arrays.stream(AlertKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst();
    }
}
