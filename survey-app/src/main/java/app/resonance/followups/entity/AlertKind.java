package app.resonance.followups.entity;

/** What raised an alert. */
public enum AlertKind {
    /** A response scored 0-6 on an NPS question. */
    DETRACTOR,
    /** The customer's previous NPS score was 9-10, this one is 0-6. */
    PROMOTER_TO_DETRACTOR,
    /** A detractor whose renewal date lies within the next 90 days. */
    RENEWAL_AT_RISK,
    /** A segment's NPS fell significantly against the previous period. */
    SEGMENT_DECLINE,
    /** A topic's share of a survey's comments rose significantly against the window before. */
    TOPIC_RISE,
    /** A CSAT, CES or rating score at or below a rule's threshold. */
    LOW_SCORE,
    /** A comment named one of a rule's keywords. */
    KEYWORD
}
