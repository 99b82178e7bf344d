package app.resonance.platform.control;

import app.resonance.platform.entity.Scope;
import java.util.List;
import java.util.Optional;

/**
 * The one table of which scope an API token needs for each admin endpoint, by path (relative to
 * {@code /api/v1}, path parameters as {@code {name}}) and whether the method reads (GET, HEAD, OPTIONS) or
 * writes. The longest matching path wins. The request filter asks it for every request with a token, the
 * OpenAPI document names the scope of every operation from it; an admin path without a rule needs
 * {@link Scope#ADMIN} (and a unit test keeps every documented operation covered by a rule).
 */
public final class ScopeRules {

    /** A path and the scopes its reading and its writing methods need. */
    record Rule(String path, Scope read, Scope write) {
        boolean matches(String[] segments) {
            String[] own = path.split("/");
            if (own.length > segments.length) {
                return false;
            }
            for (int i = 0; i < own.length; i++) {
                if (!own[i].startsWith("{") && !own[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        int length() {
            return path.split("/").length;
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("admin/analytics", Scope.READ_ANALYTICS, Scope.ADMIN),
            new Rule("admin/analytics/markers", Scope.READ_ANALYTICS, Scope.WRITE_RESPONSES),
            new Rule("admin/dashboard-views", Scope.READ_ANALYTICS, Scope.WRITE_RESPONSES),
            // the digests' scheduled check on demand sends every due digest: an admin's
            new Rule("admin/digests", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/analytics/comments", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/analytics/exports", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/surveys", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/crosstab", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/drivers", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/responses", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            // the secret signs customer identities: reading it is as strong as changing it
            new Rule("admin/surveys/{slug}/widget-secret", Scope.WRITE_SURVEYS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/invitations", Scope.WRITE_SURVEYS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/waves", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/surveys/{slug}/wave-plans", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/segments", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/customers", Scope.READ_RESPONSES, Scope.WRITE_SURVEYS),
            new Rule("admin/suppressions", Scope.READ_RESPONSES, Scope.WRITE_SURVEYS),
            new Rule("admin/event-rules", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            new Rule("admin/programmes", Scope.READ_ANALYTICS, Scope.WRITE_SURVEYS),
            // a CRM or helpdesk posts its customers' events: the events plan invitations, like a response's data
            new Rule("events", Scope.WRITE_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/contacts", Scope.READ_RESPONSES, Scope.ADMIN),
            new Rule("admin/responses", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/feedback", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/followups", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/alerts", Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
            new Rule("admin/alert-rules", Scope.READ_ANALYTICS, Scope.ADMIN),
            new Rule("admin/topics", Scope.READ_ANALYTICS, Scope.ADMIN),
            new Rule("admin/teams", Scope.READ_RESPONSES, Scope.ADMIN),
            new Rule("admin/users", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/login-settings", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/audit", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/privacy", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/webhooks", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/notifications", Scope.ADMIN, Scope.ADMIN),
            new Rule("admin/tokens", Scope.ADMIN, Scope.ADMIN));

    private ScopeRules() {}

    /**
     * The scope a token needs for this method on this path (relative to /api/v1); empty outside the admin API and
     * the other paths a rule names (the event intake).
     */
    public static Optional<Scope> required(String method, String path) {
        String[] segments = segments(path);
        if (segments.length == 0) {
            return Optional.empty();
        }
        if (!segments[0].equals("admin")) {
            return rule(segments).map(r -> reads(method) ? r.read() : r.write());
        }
        return Optional.of(
                rule(segments).map(r -> reads(method) ? r.read() : r.write()).orElse(Scope.ADMIN));
    }

    /** Whether a rule of the table (not the fallback) covers this path. */
    public static boolean covers(String path) {
        return rule(segments(path)).isPresent();
    }

    private static Optional<Rule> rule(String[] segments) {
        Rule best = null;
        for (Rule rule : RULES) {
            if (rule.matches(segments) && (best == null || rule.length() > best.length())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String[] segments(String path) {
        String relative = path == null ? "" : path.replaceFirst("^/?(api/v1/)?", "");
        return relative.isEmpty() ? new String[0] : relative.split("/");
    }

    static boolean reads(String method) {
        return method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD") || method.equalsIgnoreCase("OPTIONS");
    }
}
