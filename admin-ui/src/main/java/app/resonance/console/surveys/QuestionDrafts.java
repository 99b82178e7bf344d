package app.resonance.console.surveys;

import app.resonance.platform.control.Texts;
import app.resonance.surveys.control.ConditionDraft;
import app.resonance.surveys.control.OptionDraft;
import app.resonance.surveys.control.QuestionDraft;
import java.util.List;

/**
 * The designer's question model to and from the {@link QuestionDraft} the survey editor checks and stores:
 * fields a question type does not use are left out, blank label pairs become no label, the skip logic's
 * comma-separated values a list.
 */
final class QuestionDrafts {

    private QuestionDrafts() {}

    static QuestionModel model(QuestionDraft q) {
        QuestionModel m = new QuestionModel();
        m.key = q.id();
        m.type = q.type();
        m.required = q.required() == null || q.required();
        m.textDe = de(q.text());
        m.textEn = en(q.text());
        m.textKept = q.text();
        m.minLabelKept = q.minLabel();
        m.maxLabelKept = q.maxLabel();
        m.min = q.min();
        m.max = q.max();
        m.minLabelDe = de(q.minLabel());
        m.minLabelEn = en(q.minLabel());
        m.maxLabelDe = de(q.maxLabel());
        m.maxLabelEn = en(q.maxLabel());
        if (q.options() != null) {
            q.options().forEach(o -> m.options.add(option(o)));
        }
        if (q.rows() != null) {
            q.rows().forEach(o -> m.rows.add(option(o)));
        }
        m.page = q.page() == null ? 1 : q.page();
        if (q.showIf() != null) {
            m.showIfQuestion = q.showIf().question();
            m.showIfOperator = q.showIf().operator();
            m.showIfValues = q.showIf().values() == null
                    ? null
                    : String.join(",", q.showIf().values());
        }
        return m;
    }

    static QuestionDraft draft(QuestionModel m) {
        String type = m.type;
        boolean hasOptions = type.equals("SINGLE_CHOICE") || type.equals("MULTIPLE_CHOICE") || type.equals("MATRIX");
        return new QuestionDraft(
                m.key == null ? null : m.key.strip(),
                type,
                m.required,
                java.util.Objects.requireNonNullElse(
                        Texts.edited(m.textKept, m.textDe, m.textEn), Texts.of(m.textDe, m.textEn)),
                type.equals("RATING") ? m.min : null,
                type.equals("RATING") ? m.max : null,
                Texts.edited(m.minLabelKept, m.minLabelDe, m.minLabelEn),
                Texts.edited(m.maxLabelKept, m.maxLabelDe, m.maxLabelEn),
                hasOptions ? m.options.stream().map(QuestionDrafts::draft).toList() : List.of(),
                type.equals("MATRIX")
                        ? m.rows.stream().map(QuestionDrafts::draft).toList()
                        : List.of(),
                m.page,
                m.showIfQuestion == null || m.showIfQuestion.isBlank()
                        ? null
                        : new ConditionDraft(
                                m.showIfQuestion,
                                m.showIfOperator,
                                m.showIfValues == null || m.showIfValues.isBlank()
                                        ? List.of()
                                        : java.util.Arrays.stream(m.showIfValues.split(","))
                                                .map(String::strip)
                                                .filter(v -> !v.isEmpty())
                                                .toList()));
    }

    private static OptionDraft draft(OptionModel o) {
        return new OptionDraft(
                o.getId() == null ? null : o.getId().strip(),
                java.util.Objects.requireNonNullElse(
                        Texts.edited(o.labelKept, o.getLabelDe(), o.getLabelEn()),
                        Texts.of(o.getLabelDe(), o.getLabelEn())));
    }

    private static OptionModel option(OptionDraft o) {
        OptionModel m = new OptionModel();
        m.setId(o.id());
        m.setLabelDe(de(o.label()));
        m.setLabelEn(en(o.label()));
        m.labelKept = o.label();
        return m;
    }

    private static String de(Texts t) {
        return t == null ? null : t.de();
    }

    private static String en(Texts t) {
        return t == null ? null : t.en();
    }
}
