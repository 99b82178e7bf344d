package app.resonance.forms.boundary;

import app.resonance.surveys.entity.HiddenFields;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public form pages read from a request: answer fields, hidden fields, numbers, the client and the origin.
 */
final class FormRequests {

    private FormRequests() {}

    static Map<String, List<String>> fields(HttpServletRequest request) {
        var fields = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("q.") && name.length() <= 100) {
                fields.put(name, Arrays.asList(values));
            }
        });
        return fields;
    }

    /**
     * The declared hidden fields a request carries: the link's URL parameters ({@code ?source=…}) on a GET, the
     * form's hidden inputs ({@code h.source}) on a post. Other parameters are ignored; values are cleaned.
     */
    static Map<String, String> hiddenFields(HttpServletRequest request, List<String> declared) {
        String prefix = "POST".equals(request.getMethod()) ? "h." : "";
        return HiddenFields.accept(declared, name -> request.getParameter(prefix + name));
    }

    /** The hidden fields as the form's hidden inputs, posted back as {@code h.<name>}. */
    static List<FormView.Hidden> hiddenInputs(Map<String, String> hiddenFields) {
        return hiddenFields.entrySet().stream()
                .map(h -> new FormView.Hidden("h." + h.getKey(), h.getValue()))
                .toList();
    }

    /** The hidden fields as URL parameters to append to a link of the form ({@code &source=…}). */
    static String query(Map<String, String> hiddenFields) {
        StringBuilder query = new StringBuilder();
        hiddenFields.forEach((name, value) ->
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    static int intParameter(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        return value != null && value.matches("\\d{1,3}") ? Integer.parseInt(value) : fallback;
    }

    /** A post must come from a page of this application (or from a client that sends no Origin). */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && (host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
