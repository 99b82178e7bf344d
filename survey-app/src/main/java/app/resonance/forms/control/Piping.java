package app.resonance.forms.control;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.FormValues;
import app.resonance.surveys.control.SurveyDraftValidator;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Piping: fills {@code {answer:<key>}} with the respondent's earlier answer (a score, the chosen options'
 * labels, or their text) and {@code {customer.name}} with the invited customer's name. Returns plain text;
 * the page escapes it like every other text.
 */
public final class Piping {

    private Piping() {}

    public static String render(
            String text, String language, SurveyVersion version, FormValues values, String customerName) {
        if (text == null) {
            return "";
        }
        String withName;
        if (customerName == null || customerName.isBlank()) {
            // "Thank you, {customer.name}!" reads "Thank you!" when nobody was invited by name.
            withName = text.replaceAll(",?\\s*\\{customer\\.name}", "");
        } else {
            withName = text.replace("{customer.name}", customerName);
        }
        Matcher matcher = SurveyDraftValidator.PIPE.matcher(withName);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String answer = version.question(matcher.group(1))
                    .map(q -> answer(q, language, values))
                    .orElse("");
            matcher.appendReplacement(out, Matcher.quoteReplacement(answer));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String answer(Question question, String language, FormValues values) {
        List<String> chosen = values.values("q." + question.key());
        return switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE ->
                chosen.stream()
                        .map(code -> question.option(OptionRole.OPTION, code)
                                .map(QuestionOption::label)
                                .map(l -> text(l, language))
                                .orElse(code))
                        .collect(Collectors.joining(", "));
            case MATRIX -> "";
            default -> chosen.isEmpty() ? "" : chosen.get(0);
        };
    }

    /** A text in the language, falling back to the other one. */
    public static String text(LocalizedText text, String language) {
        if (text == null) {
            return null;
        }
        String preferred = "de".equals(language) ? text.de() : text.en();
        return Optional.ofNullable(preferred).orElse("de".equals(language) ? text.en() : text.de());
    }
}
