package app.resonance.customers.control;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) applied to a customer's profile: a field left out stays as it is, null
 * clears it, a text replaces it; the attributes are an object, merged name by name (null removes one).
 * The external id names the customer and may only repeat it; the times are the server's; any other field
 * is refused, named, rather than ignored. What the merged profile must satisfy is checked afterwards by
 * {@link CustomerProfileValidator}, as for a PUT.
 */
public final class CustomerMergePatch {

    /** The media type of a merge patch. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final Set<String> TEXTS = Set.of("name", "email", "plan", "region", "lifecycleStage", "locale");

    private static final Set<String> READ_ONLY = Set.of("createdAt", "updatedAt");

    /** The merged profile, or the errors that stop it (each naming its field). */
    public record Result(CustomerProfile profile, List<FieldError> errors) {}

    private CustomerMergePatch() {}

    public static Result apply(CustomerProfile current, JsonObject patch, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", current.name());
        fields.put("email", current.email());
        fields.put("plan", current.plan());
        fields.put("region", current.region());
        fields.put("lifecycleStage", current.lifecycleStage());
        fields.put("locale", current.locale());
        LocalDate renewal = current.renewalDate();
        Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
        for (Map.Entry<String, JsonValue> entry : patch.entrySet()) {
            String field = entry.getKey();
            JsonValue value = entry.getValue();
            if (TEXTS.contains(field)) {
                if (value.getValueType() == JsonValue.ValueType.NULL) {
                    fields.put(field, null);
                } else if (value instanceof JsonString text) {
                    fields.put(field, text.getString());
                } else {
                    errors.add(messages.error(field, "expectedText"));
                }
            } else if (field.equals("renewalDate")) {
                renewal = date(value, renewal, errors, messages);
            } else if (field.equals("attributes")) {
                attributes(value, attributes, errors, messages);
            } else if (field.equals("externalId")) {
                if (!(value instanceof JsonString text) || !text.getString().equals(current.externalId())) {
                    errors.add(messages.error(field, "readOnly"));
                }
            } else if (READ_ONLY.contains(field)) {
                errors.add(messages.error(field, "readOnly"));
            } else {
                errors.add(messages.error(field, "unknownField"));
            }
        }
        CustomerProfile merged = CustomerProfile.of(current.externalId(), fields, renewal, attributes);
        return new Result(merged, errors);
    }

    private static LocalDate date(JsonValue value, LocalDate current, List<FieldError> errors, Messages messages) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            try {
                return LocalDate.parse(text.getString());
            } catch (DateTimeParseException e) {
                // named below
            }
        }
        errors.add(messages.error("renewalDate", "expectedDate"));
        return current;
    }

    private static void attributes(
            JsonValue value, Map<String, String> attributes, List<FieldError> errors, Messages messages) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            attributes.clear();
            return;
        }
        if (!(value instanceof JsonObject changes)) {
            errors.add(messages.error("attributes", "expectedObject"));
            return;
        }
        changes.forEach((name, change) -> {
            if (change.getValueType() == JsonValue.ValueType.NULL) {
                attributes.remove(name);
            } else if (change instanceof JsonString text) {
                attributes.put(name, text.getString());
            } else {
                errors.add(messages.error("attributes." + name, "expectedText"));
            }
        });
    }
}
