package app.resonance.responses.control;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every answer of a submission against its question (type, scale, known options, required,
 * length, clean text) and turns the valid ones into values to store. Either all answers are valid or
 * none is stored: the errors name each bad field as {@code answers.<questionId>}.
 */
public final class AnswerValidator {

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<AnswerValue> values = new ArrayList<>();

    private AnswerValidator(Messages messages) {
        this.messages = messages;
    }

    /** The outcome: values when {@code errors} is empty. */
    public record Result(List<AnswerValue> values, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * Validates the answers object. For a partial response missing required answers are allowed; an
     * answer that is given must still be valid.
     */
    public static Result validate(SurveyVersion version, JsonObject answers, boolean partial, Messages messages) {
        var validator = new AnswerValidator(messages);
        validator.check(version, answers, partial);
        return new Result(List.copyOf(validator.values), List.copyOf(validator.errors));
    }

    /**
     * Validates the answers to the questions of one page of a form: each given answer must be valid, each
     * required question answered. Answers to other questions are not looked at.
     */
    public static Result validatePage(List<Question> questions, JsonObject answers, Messages messages) {
        var validator = new AnswerValidator(messages);
        for (Question question : questions) {
            JsonValue value = answers.get(question.key());
            String field = "answers." + question.key();
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL || isBlankString(value)) {
                if (question.required()) {
                    validator.errors.add(messages.error(field, "required"));
                }
                continue;
            }
            validator.checkAnswer(question, field, value, false);
        }
        return new Result(List.copyOf(validator.values), List.copyOf(validator.errors));
    }

    private void check(SurveyVersion version, JsonObject answers, boolean partial) {
        for (String key : answers.keySet()) {
            if (version.question(key).isEmpty()) {
                errors.add(messages.error("answers." + TextRules.safeName(key), "unknownQuestion"));
            }
        }
        boolean any = false;
        Visibility visibility = new Visibility(version, FormValues.ofJson(answers));
        for (Question question : version.questions()) {
            if (!visibility.shown(question)) {
                // Skip logic: a question the respondent was not shown is neither required nor stored.
                continue;
            }
            JsonValue value = answers.get(question.key());
            String field = "answers." + question.key();
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL || isBlankString(value)) {
                if (question.required() && !partial) {
                    errors.add(messages.error(field, "required"));
                }
                continue;
            }
            int before = values.size() + errors.size();
            checkAnswer(question, field, value, partial);
            any |= values.size() + errors.size() > before;
        }
        if (!any && errors.isEmpty()) {
            errors.add(messages.error("answers", "noAnswers"));
        }
    }

    private void checkAnswer(Question question, String field, JsonValue value, boolean partial) {
        QuestionType type = question.type();
        switch (type) {
            case NPS, CSAT, CES, RATING -> score(question, field, value);
            case SINGLE_CHOICE -> {
                if (!(value instanceof JsonString s)) {
                    errors.add(messages.error(field, "expectedOption"));
                } else if (question.option(OptionRole.OPTION, s.getString()).isEmpty()) {
                    errors.add(messages.error(field, "unknownOption"));
                } else {
                    values.add(AnswerValue.option(question, s.getString()));
                }
            }
            case MULTIPLE_CHOICE -> multiple(question, field, value, partial);
            case MATRIX -> matrix(question, field, value, partial);
            case SHORT_TEXT, LONG_TEXT -> text(question, field, value);
            default -> throw new IllegalStateException("Unhandled question type " + type);
        }
    }

    private void score(Question question, String field, JsonValue value) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            errors.add(messages.error(field, "expectedInteger", question.scaleMin(), question.scaleMax()));
            return;
        }
        int score;
        try {
            score = number.bigIntegerValueExact().intValueExact();
        } catch (ArithmeticException e) {
            errors.add(messages.error(field, "outOfRange", question.scaleMin(), question.scaleMax()));
            return;
        }
        if (!question.inScale(score)) {
            errors.add(messages.error(field, "outOfRange", question.scaleMin(), question.scaleMax()));
            return;
        }
        values.add(AnswerValue.score(question, score));
    }

    private void multiple(Question question, String field, JsonValue value, boolean partial) {
        if (!(value instanceof JsonArray array)) {
            errors.add(messages.error(field, "expectedOptions"));
            return;
        }
        if (array.isEmpty()) {
            if (question.required() && !partial) {
                errors.add(messages.error(field, "required"));
            }
            return;
        }
        Set<String> chosen = new HashSet<>();
        List<AnswerValue> picked = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String itemField = field + "[" + i + "]";
            if (!(item instanceof JsonString s)) {
                errors.add(messages.error(itemField, "expectedOption"));
            } else if (question.option(OptionRole.OPTION, s.getString()).isEmpty()) {
                errors.add(messages.error(itemField, "unknownOption"));
            } else if (!chosen.add(s.getString())) {
                errors.add(messages.error(itemField, "duplicate"));
            } else {
                picked.add(AnswerValue.option(question, s.getString()));
            }
        }
        values.addAll(picked);
    }

    private void matrix(Question question, String field, JsonValue value, boolean partial) {
        if (!(value instanceof JsonObject object)) {
            errors.add(messages.error(field, "expectedMatrix"));
            return;
        }
        for (String row : object.keySet()) {
            if (question.option(OptionRole.ROW, row).isEmpty()) {
                errors.add(messages.error(field + "." + TextRules.safeName(row), "unknownRow"));
            }
        }
        for (var row : question.options(OptionRole.ROW)) {
            JsonValue cell = object.get(row.code());
            String rowField = field + "." + row.code();
            if (cell == null || cell.getValueType() == JsonValue.ValueType.NULL) {
                if (question.required() && !partial) {
                    errors.add(messages.error(rowField, "required"));
                }
            } else if (!(cell instanceof JsonString s)) {
                errors.add(messages.error(rowField, "expectedOption"));
            } else if (question.option(OptionRole.COLUMN, s.getString()).isEmpty()) {
                errors.add(messages.error(rowField, "unknownOption"));
            } else {
                values.add(AnswerValue.matrix(question, row.code(), s.getString()));
            }
        }
    }

    private void text(Question question, String field, JsonValue value) {
        if (!(value instanceof JsonString s)) {
            errors.add(messages.error(field, "expectedText"));
            return;
        }
        String text = s.getString().strip();
        int max = question.type().maxTextLength();
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(messages.error(field, "tooLong", max));
        } else if (!TextRules.isClean(text)) {
            errors.add(messages.error(field, "badCharacters"));
        } else {
            values.add(AnswerValue.text(question, text));
        }
    }

    private static boolean isBlankString(JsonValue value) {
        return value instanceof JsonString s && s.getString().isBlank();
    }
}
