package app.resonance.followups.entity;

/** What an alert rule looks for in a response. */
public enum AlertRuleKind {
    /** A score on a question of the rule's type (NPS, CSAT, CES, RATING) at or below its threshold. */
    LOW_SCORE,
    /** An NPS detractor (0-6) whose previous NPS score was a promoter's (9-10). */
    PROMOTER_TO_DETRACTOR,
    /** An NPS detractor (0-6) whose renewal date lies within the rule's days. */
    RENEWAL_AT_RISK,
    /** A comment of the response names one of the rule's keywords. */
    KEYWORD,
    /**
     * A segment's figure of a metric fell significantly from one window of days to the next (checked daily, not per
     * response).
     */
    SEGMENT_TREND
}
