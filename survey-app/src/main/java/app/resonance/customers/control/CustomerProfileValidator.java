package app.resonance.customers.control;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules a customer profile must follow, whether it comes from JSON or from a CSV row. */
public final class CustomerProfileValidator {

    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,59}");

    private CustomerProfileValidator() {}

    /** Errors of one profile; {@code prefix} names where it came from, for example {@code rows[3]}. */
    public static List<FieldError> validate(CustomerProfile profile, String prefix, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        String p = prefix.isEmpty() ? "" : prefix + ".";
        text(errors, p + "externalId", profile.externalId(), 100, true, messages);
        text(errors, p + "name", profile.name(), 200, true, messages);
        text(errors, p + "email", profile.email(), 254, false, messages);
        if (profile.email() != null
                && !profile.email().isBlank()
                && !EMAIL.matcher(profile.email()).matches()) {
            errors.add(messages.error(p + "email", "email"));
        }
        text(errors, p + "plan", profile.plan(), 60, false, messages);
        text(errors, p + "region", profile.region(), 60, false, messages);
        text(errors, p + "lifecycleStage", profile.lifecycleStage(), 60, false, messages);
        if (profile.locale() != null && !List.of("de", "en").contains(profile.locale())) {
            errors.add(messages.error(p + "locale", "oneOf", "de, en"));
        }
        if (profile.attributes().size() > 50) {
            errors.add(messages.error(p + "attributes", "tooMany", 50));
        }
        for (Map.Entry<String, String> attribute : profile.attributes().entrySet()) {
            if (!ATTRIBUTE_NAME.matcher(attribute.getKey()).matches()) {
                errors.add(messages.error(p + "attributes", "attributeName"));
            } else {
                text(errors, p + "attributes." + attribute.getKey(), attribute.getValue(), 300, true, messages);
            }
        }
        return errors;
    }

    private static void text(
            List<FieldError> errors, String field, String value, int max, boolean required, Messages messages) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(messages.error(field, "required"));
            }
        } else if (value.length() > max) {
            errors.add(messages.error(field, "tooLong", max));
        } else if (!TextRules.isClean(value)) {
            errors.add(messages.error(field, "badCharacters"));
        }
    }
}
