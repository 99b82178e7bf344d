package app.resonance.surveys.entity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of hidden fields: URL parameters a survey declares (names {@code [a-z0-9_]{1,40}}, at most ten) that a
 * public link, an invitation link or the widget passes on to be stored with the response. Only declared names are
 * kept; a value is trimmed, stripped of control characters and cut to {@value #MAX_VALUE} characters (a respondent
 * cannot repair a link, so a long value is shortened rather than refused); an empty value is not kept. Stored
 * form-encoded ({@code name=value&...}) in one column.
 */
public final class HiddenFields {

    public static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");
    public static final int MAX_FIELDS = 10;
    public static final int MAX_VALUE = 200;

    private HiddenFields() {}

    /** The declared names' values, cleaned; names not declared and empty values are left out. */
    public static Map<String, String> accept(Collection<String> declared, Function<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : declared) {
            String value = clean(given.apply(name));
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    /** A value as it is stored: trimmed, without control characters, at most {@value #MAX_VALUE} characters. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.length() > MAX_VALUE) {
            int end = MAX_VALUE;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never half a character
            }
            text = text.substring(0, end).strip();
        }
        return text.isEmpty() ? null : text;
    }

    public static String encode(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> decode(String stored) {
        Map<String, String> values = new LinkedHashMap<>();
        if (stored == null || stored.isEmpty()) {
            return values;
        }
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Declared names as stored on the survey (comma-separated), in their order. */
    public static List<String> names(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
    }
}
