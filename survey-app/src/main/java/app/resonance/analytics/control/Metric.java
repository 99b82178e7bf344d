package app.resonance.analytics.control;

import app.resonance.surveys.entity.QuestionType;

/** The figures a score question is summarised by. */
public enum Metric {
    /** Net Promoter Score in points, -100 to 100: % promoters (9-10) minus % detractors (0-6). */
    NPS(QuestionType.NPS),
    /** Share of satisfied answers (4-5 on 1-5), in percent. */
    CSAT(QuestionType.CSAT),
    /** Customer Effort Score: the mean on 1-7. */
    CES(QuestionType.CES),
    /** Mean of a rating question on its own scale. */
    RATING(QuestionType.RATING);

    private final QuestionType questionType;

    Metric(QuestionType questionType) {
        this.questionType = questionType;
    }

    public QuestionType questionType() {
        return questionType;
    }

    public static Metric of(QuestionType type) {
        for (Metric metric : values()) {
            if (metric.questionType == type) {
                return metric;
            }
        }
        throw new IllegalArgumentException(type + " has no metric");
    }

    /** The lowest answer of the metric's scale, as the score distribution shows it. */
    public int lowest() {
        return this == NPS ? 0 : 1;
    }

    /** The highest answer of the metric's scale (0-10, 1-5, 1-7; ratings are shown on 1-7). */
    public int highest() {
        return switch (this) {
            case NPS -> 10;
            case CSAT -> 5;
            default -> 7;
        };
    }

    /** A change of this metric is a proportion difference (NPS, CSAT) or a difference of means (CES, rating). */
    public boolean isMean() {
        return this == CES || this == RATING;
    }
}
