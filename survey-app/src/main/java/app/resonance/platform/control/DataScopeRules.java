package app.resonance.platform.control;

import java.util.List;

/**
 * What a user limited to some segments ({@link DataScope}) may not open at all: lists and figures over every customer
 * that cannot be cut to segments (invitation waves and their respondents, programmes, the suppression list, the
 * follow-up effectiveness over every task, the alert checks run on demand). Paths relative to {@code /api/v1},
 * path parameters as {@code {name}}, a rule covering the paths below it; console pages by their view path. Everything
 * else that shows customer data is cut to the user's segments where it is read.
 */
public final class DataScopeRules {

    static final List<String> API = List.of(
            "admin/surveys/{slug}/waves",
            "admin/surveys/{slug}/wave-plans",
            "admin/programmes",
            "admin/suppressions",
            "admin/followups/effectiveness",
            "admin/alerts/segment-check",
            "admin/alerts/topic-check");

    static final List<String> CONSOLE = List.of("/admin/effectiveness");

    private DataScopeRules() {}

    /** Whether a limited user is refused this API path (relative to /api/v1, with or without the prefix). */
    public static boolean refusedApi(String path) {
        String[] segments = segments(path);
        return API.stream().anyMatch(rule -> matches(rule.split("/"), segments));
    }

    /** Whether a limited user is refused this console page (its servlet path, for example /admin/effectiveness.xhtml). */
    public static boolean refusedPage(String servletPath) {
        return servletPath != null && CONSOLE.contains(servletPath.replaceFirst("\\.xhtml$", ""));
    }

    private static boolean matches(String[] rule, String[] segments) {
        if (rule.length > segments.length) {
            return false;
        }
        for (int i = 0; i < rule.length; i++) {
            if (!rule[i].startsWith("{") && !rule[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String relative =
                path == null ? "" : path.replaceFirst("^/?(api/v1/)?", "").replaceFirst("/$", "");
        return relative.isEmpty() ? new String[0] : relative.split("/");
    }
}
