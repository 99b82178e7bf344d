package app.resonance.console.surveys;

import app.resonance.platform.control.Texts;
import app.resonance.surveys.control.QuestionDraft;
import java.io.Serializable;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A question as the designer edits it: every field a plain property, both languages side by side. How it
 * turns into the editor's {@link QuestionDraft} and back is {@link QuestionDrafts}.
 */
public class QuestionModel implements Serializable {

    private static final long serialVersionUID = 1L;

    // package-private: QuestionDrafts reads and writes them as they are, without the setters' normalising
    String key;
    String type = "NPS";
    boolean required = true;
    String textDe;
    String textEn;
    Integer min;
    Integer max;
    String minLabelDe;
    String minLabelEn;
    String maxLabelDe;
    String maxLabelEn;
    /** The texts as loaded, so that a save keeps their languages besides German and English. */
    Texts textKept;

    Texts minLabelKept;
    Texts maxLabelKept;
    List<OptionModel> options = new ArrayList<>();
    List<OptionModel> rows = new ArrayList<>();
    int page = 1;
    /** Skip logic: the earlier question this one depends on (null: always shown). */
    String showIfQuestion;

    String showIfOperator = "ANY_OF";
    /** Comma-separated scores or option codes; for BETWEEN "min,max". */
    String showIfValues;

    static QuestionModel of(QuestionDraft q) {
        return QuestionDrafts.model(q);
    }

    QuestionDraft draft() {
        return QuestionDrafts.draft(this);
    }

    /**
     * The skip logic's values as a reader of this language writes them: numbers in the locale's digits, a
     * range as "0 and 6" ({@code betweenPattern} "{0} and {1}", from the bundle), other lists as "1, 2".
     */
    public String conditionValues(Locale locale, String betweenPattern) {
        List<String> values = showIfValues == null
                ? List.of()
                : Arrays.stream(showIfValues.split(","))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .map(v -> number(v, locale))
                        .toList();
        if ("BETWEEN".equals(showIfOperator) && values.size() == 2) {
            return new MessageFormat(betweenPattern, locale).format(values.toArray());
        }
        return String.join(", ", values);
    }

    private static String number(String value, Locale locale) {
        try {
            return NumberFormat.getIntegerInstance(locale).format(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    public boolean hasCondition() {
        return showIfQuestion != null && !showIfQuestion.isBlank();
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }

    public String getShowIfQuestion() {
        return showIfQuestion;
    }

    public void setShowIfQuestion(String showIfQuestion) {
        this.showIfQuestion = showIfQuestion;
    }

    public String getShowIfOperator() {
        return showIfOperator;
    }

    public void setShowIfOperator(String showIfOperator) {
        this.showIfOperator = showIfOperator;
    }

    public String getShowIfValues() {
        return showIfValues;
    }

    public void setShowIfValues(String showIfValues) {
        this.showIfValues = showIfValues;
    }

    public String text(String language) {
        return "de".equals(language) ? textDe : textEn;
    }

    public boolean isScale() {
        return List.of("NPS", "CSAT", "CES", "RATING").contains(type);
    }

    public boolean isChoice() {
        return type.equals("SINGLE_CHOICE") || type.equals("MULTIPLE_CHOICE") || type.equals("MATRIX");
    }

    public boolean isMatrix() {
        return type.equals("MATRIX");
    }

    public boolean isText() {
        return type.equals("SHORT_TEXT") || type.equals("LONG_TEXT");
    }

    /** The points of the scale as a respondent sees them (empty for questions without a scale). */
    public List<Integer> getPoints() {
        if (!isScale()) {
            return List.of();
        }
        int from =
                switch (type) {
                    case "NPS" -> 0;
                    case "RATING" -> min == null ? 1 : min;
                    default -> 1;
                };
        int to =
                switch (type) {
                    case "NPS" -> 10;
                    case "CSAT" -> 5;
                    case "CES" -> 7;
                    default -> max == null ? 5 : max;
                };
        List<Integer> points = new ArrayList<>();
        for (int i = from; i <= to && points.size() <= 11; i++) {
            points.add(i);
        }
        return points;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getTextDe() {
        return textDe;
    }

    public void setTextDe(String textDe) {
        this.textDe = textDe;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public Integer getMin() {
        return min;
    }

    public void setMin(Integer min) {
        this.min = min;
    }

    public Integer getMax() {
        return max;
    }

    public void setMax(Integer max) {
        this.max = max;
    }

    public String getMinLabelDe() {
        return minLabelDe;
    }

    public void setMinLabelDe(String minLabelDe) {
        this.minLabelDe = minLabelDe;
    }

    public String getMinLabelEn() {
        return minLabelEn;
    }

    public void setMinLabelEn(String minLabelEn) {
        this.minLabelEn = minLabelEn;
    }

    public String getMaxLabelDe() {
        return maxLabelDe;
    }

    public void setMaxLabelDe(String maxLabelDe) {
        this.maxLabelDe = maxLabelDe;
    }

    public String getMaxLabelEn() {
        return maxLabelEn;
    }

    public void setMaxLabelEn(String maxLabelEn) {
        this.maxLabelEn = maxLabelEn;
    }

    public List<OptionModel> getOptions() {
        return options;
    }

    public List<OptionModel> getRows() {
        return rows;
    }
}
