package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A single or multiple choice question over a period: per option the respondents who chose it and their share of
 * the question's respondents with its 95 % margin 1.96 sqrt(p (1 - p) / n). With multiple choice a respondent may
 * choose several options, so the shares add up to more than 1. Below the minimum n no numbers; an anonymous
 * survey below five does not even give n.
 *
 * @param respondents who answered the question; null when hidden for anonymity
 * @param options in the question's order (the cells' numbers null when not shown)
 */
public record ChoiceShares(Visibility visibility, Long respondents, boolean multiple, List<MatrixSummary.Cell> options)
        implements Serializable {

    public boolean shown() {
        return visibility == Visibility.SHOWN;
    }

    /** The shares of {@code chosen} (respondents per option key) among {@code respondents}. */
    public static ChoiceShares of(
            List<Label> options, Map<String, Long> chosen, long respondents, boolean multiple, ReportingRules rules) {
        Visibility visibility = rules.visibility(respondents);
        if (visibility != Visibility.SHOWN) {
            return new ChoiceShares(
                    visibility,
                    visibility == Visibility.HIDDEN_FOR_ANONYMITY ? null : respondents,
                    multiple,
                    options.stream()
                            .map(o -> new MatrixSummary.Cell(o.key(), o.label(), null, null, null))
                            .toList());
        }
        return new ChoiceShares(
                visibility,
                respondents,
                multiple,
                options.stream()
                        .map(o -> {
                            long count = chosen.getOrDefault(o.key(), 0L);
                            double share = (double) count / respondents;
                            return new MatrixSummary.Cell(
                                    o.key(),
                                    o.label(),
                                    count,
                                    share,
                                    Normal.Z95 * Math.sqrt(share * (1 - share) / respondents));
                        })
                        .toList());
    }
}
