package app.resonance.audit.control;

import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an audit entry says about its change, kept as data (a text key and its values) and read in the
 * reader's language: "1 created, 1 updated" for an English reader is "1 angelegt, 1 geändert" for a German
 * one. A value is either written as it was (a slug, a count, a date) or is itself a text key (a role, a
 * survey kind), so that "role ADMIN" reads "Rolle Admin".
 *
 * <p>Stored in the entry's details column as a JSON array, for example
 * {@code [{"key":"imported","args":["1","1"]}]}, a text-key value as {@code {"text":"role.ADMIN"}}. Entries
 * written before this form hold plain English text; they are shown as they were written.
 */
public record AuditDetail(String key, List<Value> args) {

    /** Texts of the details: {@code auditDetail.<key>} for the sentence, {@code auditValue.<key>} for a value. */
    static final String SENTENCE = "auditDetail.";

    static final String VALUE = "auditValue.";

    /** Between two details of one entry. */
    static final String SEPARATOR = "; ";

    /** A value of a detail: as written, or the key of a text. */
    public record Value(String value, boolean text) {}

    public AuditDetail {
        args = List.copyOf(args);
    }

    /** A detail whose values are written as they are (null reads as a dash), or given as {@link #text}. */
    public static AuditDetail of(String key, Object... values) {
        return new AuditDetail(
                key,
                Arrays.stream(values)
                        .map(v -> v instanceof Value value ? value : new Value(v == null ? null : v.toString(), false))
                        .toList());
    }

    /** A value that is itself a text, read from {@code auditValue.<key>}: {@code text("role", Role.ADMIN)}. */
    public static Value text(String group, Object constant) {
        return new Value(group + "." + constant, true);
    }

    /**
     * The details as stored in an entry, or null for none. An entry holds at most {@code max} characters:
     * details that would not fit are left out whole (never cut in the middle, which would leave no JSON).
     */
    static String store(List<AuditDetail> details, int max) {
        for (int n = details.size(); n > 0; n--) {
            String stored = store(details.subList(0, n));
            if (stored.length() <= max) {
                return stored;
            }
        }
        return null;
    }

    private static String store(List<AuditDetail> details) {
        JsonArrayBuilder all = Jsonp.createArrayBuilder();
        for (AuditDetail detail : details) {
            JsonArrayBuilder args = Jsonp.createArrayBuilder();
            for (Value arg : detail.args()) {
                if (arg.text()) {
                    args.add(Jsonp.createObjectBuilder().add("text", arg.value()));
                } else if (arg.value() == null) {
                    args.addNull();
                } else {
                    args.add(arg.value());
                }
            }
            all.add(Jsonp.createObjectBuilder().add("key", detail.key()).add("args", args));
        }
        return all.build().toString();
    }

    /** The details read back; empty for none, and for text written before details were data. */
    static List<AuditDetail> read(String stored) {
        if (stored == null || !stored.startsWith("[")) {
            return List.of();
        }
        try (var reader = Jsonp.createReader(new StringReader(stored))) {
            List<AuditDetail> details = new ArrayList<>();
            for (JsonValue item : reader.readArray()) {
                JsonObject detail = item.asJsonObject();
                JsonArray args = detail.getJsonArray("args");
                List<Value> values = new ArrayList<>();
                for (JsonValue arg : args) {
                    values.add(
                            switch (arg.getValueType()) {
                                case STRING -> new Value(((JsonString) arg).getString(), false);
                                case OBJECT -> new Value(arg.asJsonObject().getString("text"), true);
                                case NULL -> new Value(null, false);
                                default -> new Value(arg.toString(), false);
                            });
                }
                details.add(new AuditDetail(detail.getString("key"), values));
            }
            return details;
        } catch (JsonParsingException | ClassCastException | NullPointerException e) {
            return List.of();
        }
    }

    /**
     * The details in the reader's language: each sentence from {@code auditDetail.<key>}, its text values
     * from {@code auditValue.<key>}. Text written before details were data is returned as it is.
     */
    public static String render(String stored, Messages messages) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        List<AuditDetail> details = read(stored);
        if (details.isEmpty()) {
            return stored;
        }
        return details.stream().map(d -> d.in(messages)).collect(Collectors.joining(SEPARATOR));
    }

    String in(Messages messages) {
        Object[] values = args.stream()
                .map(a -> a.value() == null ? "—" : a.text() ? messages.get(VALUE + a.value()) : a.value())
                .toArray();
        return messages.get(SENTENCE + key, values);
    }
}
