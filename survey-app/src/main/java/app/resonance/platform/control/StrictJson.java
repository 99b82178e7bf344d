package app.resonance.platform.control;

import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a JSON request body must be besides well-formed, so that what is stored is what the client sent:
 * UTF-8 (no charset other than UTF-8, no malformed byte sequence that a lenient decoder would turn into
 * U+FFFD), no key twice in one object (which one would count?), and nothing after the one JSON value.
 * Bodies that are not well-formed JSON at all are left to the resource, which answers them as before.
 */
public final class StrictJson {

    /** What is wrong with a body, with the message key of its problem detail. */
    public enum Violation {
        MALFORMED_UTF8("problem.json.malformedUtf8"),
        DUPLICATE_KEY("problem.json.duplicateKey"),
        TRAILING_DATA("problem.json.trailingData");

        public final String messageKey;

        Violation(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** A violation and where: the byte offset of the bad byte, the JSON pointer of the repeated key, or the character offset where the value ends. */
    public record Finding(Violation violation, String where) {}

    private StrictJson() {}

    /** application/json or any {@code +json} type, whatever its parameters. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The charset parameter of a content type when it is not UTF-8; empty when it is UTF-8 or absent. */
    public static Optional<String> foreignCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(equals + 1).strip().replace("\"", "");
                return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8")
                        ? Optional.empty()
                        : Optional.of(charset.length() > 40 ? charset.substring(0, 40) : charset);
            }
        }
        return Optional.empty();
    }

    /** The first violation in a body, or empty when it has none (or is not JSON at all). */
    public static Optional<Finding> check(byte[] body) {
        CharBuffer text = CharBuffer.allocate(body.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(bytes, text, true);
        if (result.isError()) {
            return Optional.of(new Finding(Violation.MALFORMED_UTF8, Integer.toString(bytes.position())));
        }
        result = decoder.flush(text);
        if (result.isError()) {
            return Optional.of(new Finding(Violation.MALFORMED_UTF8, Integer.toString(bytes.position())));
        }
        text.flip();
        return structure(text.toString());
    }

    /** One open object (with its keys so far) or array (with the index of its current element). */
    private static final class Level {
        final Set<String> keys;
        String name = "";
        int index = -1;

        Level(boolean object) {
            keys = object ? new HashSet<>() : null;
        }

        void element() {
            if (keys == null) {
                name = Integer.toString(++index);
            }
        }
    }

    private static Optional<Finding> structure(String text) {
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(text))) {
            Deque<Level> open = new ArrayDeque<>();
            boolean complete = false;
            while (!complete && parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event != JsonParser.Event.KEY_NAME
                        && event != JsonParser.Event.END_OBJECT
                        && event != JsonParser.Event.END_ARRAY
                        && !open.isEmpty()) {
                    open.peek().element();
                }
                switch (event) {
                    case START_OBJECT -> open.push(new Level(true));
                    case START_ARRAY -> open.push(new Level(false));
                    case KEY_NAME -> {
                        Level object = open.peek();
                        object.name = parser.getString();
                        if (!object.keys.add(object.name)) {
                            return Optional.of(new Finding(Violation.DUPLICATE_KEY, pointer(open)));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        complete = open.isEmpty();
                    }
                    default -> complete = open.isEmpty();
                }
            }
            if (!complete) {
                return Optional.empty();
            }
            String end = Long.toString(parser.getLocation().getStreamOffset());
            try {
                if (parser.hasNext()) {
                    return Optional.of(new Finding(Violation.TRAILING_DATA, end));
                }
            } catch (RuntimeException trailing) {
                return Optional.of(new Finding(Violation.TRAILING_DATA, end));
            }
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError notJson) {
            // Malformed, truncated or too deep: the resource answers it as malformed JSON.
            return Optional.empty();
        }
    }

    /** The JSON pointer (RFC 6901) of the current position. */
    private static String pointer(Deque<Level> open) {
        StringBuilder pointer = new StringBuilder();
        var levels = open.descendingIterator();
        while (levels.hasNext()) {
            pointer.append('/').append(levels.next().name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
