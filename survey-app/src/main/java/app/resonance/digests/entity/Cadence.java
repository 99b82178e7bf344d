package app.resonance.digests.entity;

/** How often a digest is sent: every ISO week (on a weekday) or every calendar month (on a day 1-28). */
public enum Cadence {
    WEEKLY,
    MONTHLY
}
