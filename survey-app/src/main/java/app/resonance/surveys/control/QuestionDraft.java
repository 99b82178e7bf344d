package app.resonance.surveys.control;

import app.resonance.platform.control.Texts;
import java.util.List;

/**
 * A question as the admin API takes it. {@code options} for choices and matrix columns, {@code rows}
 * for matrix rows; {@code min}/{@code max} for rating scales; {@code page} (1 when absent) and the
 * optional {@code showIf} condition on an earlier answer.
 */
public record QuestionDraft(
        String id,
        String type,
        Boolean required,
        Texts text,
        Integer min,
        Integer max,
        Texts minLabel,
        Texts maxLabel,
        List<OptionDraft> options,
        List<OptionDraft> rows,
        Integer page,
        ConditionDraft showIf) {}
