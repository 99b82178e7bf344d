package app.resonance.forms.control;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.FormValues;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Piping: fills {@code {answer:<key>}} with the respondent's earlier answer (a score, the chosen options'
 * labels, or their text), {@code {customer.name}} with the invited customer's name and {@code {event.<name>}}
 * with an attribute of the event whose invitation is answered (an event rule's: {@code {event.ticket_id}}). A placeholder whose
 * value is not known is never shown; the sentence is written without it:
 *
 * <ol>
 *   <li>{@code {answer:nps|your score}}: the text after the bar stands in for the value;
 *   <li>inside parentheses, the parentheses go with it: "Ihre Bewertung ({answer:nps} von 10)?" reads
 *       "Ihre Bewertung?";
 *   <li>after a comma, the comma goes with it: "Danke, {customer.name}." reads "Danke.";
 *   <li>otherwise the placeholder alone is removed and no space is left before punctuation.
 * </ol>
 *
 * The widget (widget.js) follows the same rules. Returns plain text; the page escapes it like every other
 * text.
 */
public final class Piping {

    /** {customer.name}, {event.name} or {answer:key}, each with an optional fallback after a bar. */
    public static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(customer\\.name|event\\.[a-z0-9_]{1,40}|answer:([a-z][a-z0-9_]*))(?:\\|([^{}|]*))?}");

    private static final String CLOSES_GAP = " .,;:?!)";

    private Piping() {}

    public static String render(
            String text, String language, SurveyVersion version, FormValues values, String customerName) {
        return render(text, language, version, values, customerName, java.util.Map.of());
    }

    /** As {@link #render(String, String, SurveyVersion, FormValues, String)}, with the event's attributes. */
    public static String render(
            String text,
            String language,
            SurveyVersion version,
            FormValues values,
            String customerName,
            java.util.Map<String, String> event) {
        return fill(text, name -> {
            if ("customer.name".equals(name)) {
                return customerName;
            }
            if (name.startsWith("event.")) {
                return event.get(name.substring("event.".length()));
            }
            return version.question(name.substring("answer:".length()))
                    .map(q -> answer(q, language, values))
                    .orElse(null);
        });
    }

    /**
     * Fills every placeholder with {@code values} ("customer.name" or "answer:key" to the value, null or
     * blank when not known), writing the sentence without the placeholders whose value is not known.
     */
    public static String fill(String text, Function<String, String> values) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text);
        int from = 0;
        Matcher m = PLACEHOLDER.matcher(s);
        while (from <= s.length() && m.find(from)) {
            String value = values.apply(m.group(1));
            int start = m.start();
            int end = m.end();
            String replacement;
            if (value != null && !value.isBlank()) {
                replacement = value;
            } else if (m.group(3) != null) {
                replacement = m.group(3);
            } else {
                replacement = "";
                int open = s.lastIndexOf("(", start);
                int close = s.indexOf(")", end);
                if (open >= 0
                        && open > s.lastIndexOf(")", start)
                        && close >= 0
                        && (s.indexOf("(", end) < 0 || close < s.indexOf("(", end))) {
                    start = open;
                    end = close + 1;
                } else {
                    int i = start;
                    while (i > 0 && s.charAt(i - 1) == ' ') {
                        i--;
                    }
                    if (i > 0 && s.charAt(i - 1) == ',') {
                        start = i - 1;
                    }
                }
                while (start > 0
                        && s.charAt(start - 1) == ' '
                        && (end >= s.length() || CLOSES_GAP.indexOf(s.charAt(end)) >= 0)) {
                    start--;
                }
            }
            s.replace(start, end, replacement);
            from = start + replacement.length();
            m = PLACEHOLDER.matcher(s);
        }
        return s.toString().strip();
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

    /** A text in the language, falling back to English, then German. */
    public static String text(LocalizedText text, String language) {
        if (text == null) {
            return null;
        }
        return text.in(language);
    }
}
