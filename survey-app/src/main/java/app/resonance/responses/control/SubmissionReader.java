package app.resonance.responses.control;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.entity.HiddenFields;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a submission body: {@code answers} (by question id), optional {@code locale}, {@code partial}
 * and {@code channel}, {@code hidden} (the survey's declared hidden fields: other names are ignored, values cleaned
 * by {@link HiddenFields}) and, from the widget, {@code identity} (a signed customer id, checked later; anything
 * malformed there is anonymous, never an error); the admin import may also name the {@code customer} (external id)
 * and when it was {@code submittedAt}. Unknown fields are errors, so that a typo never loses an answer silently.
 */
public final class SubmissionReader {

    private static final Set<String> PUBLIC_FIELDS =
            Set.of("answers", "locale", "partial", "channel", "hidden", "identity");
    private static final Set<String> IMPORT_FIELDS =
            Set.of("answers", "locale", "partial", "channel", "customer", "submittedAt", "hidden");
    private static final Set<Channel> PUBLIC_CHANNELS = Set.of(Channel.API, Channel.LINK, Channel.WIDGET);

    private SubmissionReader() {}

    public record Result(ValidSubmission submission, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Result read(
            JsonObject body,
            SurveyVersion version,
            boolean imported,
            String requestLanguage,
            Instant now,
            Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> allowed = imported ? IMPORT_FIELDS : PUBLIC_FIELDS;
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                errors.add(messages.error(TextRules.safeName(field), "unknownField"));
            }
        }
        boolean partial = false;
        JsonValue partialValue = body.get("partial");
        if (partialValue != null && partialValue != JsonValue.NULL) {
            if (partialValue == JsonValue.TRUE || partialValue == JsonValue.FALSE) {
                partial = partialValue == JsonValue.TRUE;
            } else {
                errors.add(messages.error("partial", "expectedBoolean"));
            }
        }
        String locale = language(body, version, requestLanguage, errors, messages);
        Channel channel = channel(body, imported, errors, messages);
        String customer = null;
        Instant submittedAt = now;
        if (imported) {
            customer = string(body, "customer", errors, messages);
            String at = string(body, "submittedAt", errors, messages);
            if (at != null) {
                try {
                    submittedAt = Instant.parse(at);
                    if (submittedAt.isAfter(now.plusSeconds(300))) {
                        errors.add(messages.error("submittedAt", "inFuture"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(messages.error("submittedAt", "expectedInstant"));
                }
            }
        }
        JsonValue answers = body.get("answers");
        if (!(answers instanceof JsonObject answersObject)) {
            errors.add(messages.error("answers", answers == null ? "required" : "expectedObject"));
            return new Result(null, errors);
        }
        var validated = AnswerValidator.validate(version, answersObject, partial, messages);
        errors.addAll(validated.errors());
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(
                new ValidSubmission(
                        validated.values(),
                        locale,
                        partial,
                        channel,
                        customer,
                        submittedAt,
                        hidden(body, version),
                        imported ? null : identity(body)),
                List.of());
    }

    private static Map<String, String> hidden(JsonObject body, SurveyVersion version) {
        if (!(body.get("hidden") instanceof JsonObject given)) {
            return Map.of();
        }
        return HiddenFields.accept(
                version.survey().hiddenFields(),
                name -> given.get(name) instanceof JsonString s ? s.getString() : null);
    }

    private static ValidSubmission.SignedCustomer identity(JsonObject body) {
        if (!(body.get("identity") instanceof JsonObject given)) {
            return null;
        }
        return new ValidSubmission.SignedCustomer(
                text(given.get("customer")), text(given.get("ts")), text(given.get("sig")));
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString s && s.getString().length() <= 200) {
            return s.getString();
        }
        return value instanceof JsonNumber n && n.isIntegral() ? n.toString() : null;
    }

    private static String language(
            JsonObject body,
            SurveyVersion version,
            String requestLanguage,
            List<FieldError> errors,
            Messages messages) {
        String given = string(body, "locale", errors, messages);
        if (given != null) {
            if (!version.languages().contains(given)) {
                errors.add(messages.error("locale", "oneOf", String.join(", ", version.languages())));
            }
            return given;
        }
        return version.languages().contains(requestLanguage) ? requestLanguage : version.defaultLocale();
    }

    private static Channel channel(JsonObject body, boolean imported, List<FieldError> errors, Messages messages) {
        String given = string(body, "channel", errors, messages);
        if (given == null) {
            return imported ? Channel.IMPORT : Channel.API;
        }
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(given) && (imported || PUBLIC_CHANNELS.contains(channel))) {
                return channel;
            }
        }
        errors.add(messages.error(
                "channel", "oneOf", imported ? "LINK, INVITATION, EMAIL, WIDGET, API, IMPORT" : "API, LINK, WIDGET"));
        return Channel.API;
    }

    private static String string(JsonObject body, String field, List<FieldError> errors, Messages messages) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s && s.getString().length() <= 100) {
            return s.getString();
        }
        errors.add(messages.error(field, "expectedText"));
        return null;
    }
}
