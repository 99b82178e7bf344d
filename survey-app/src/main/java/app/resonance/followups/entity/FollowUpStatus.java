package app.resonance.followups.entity;

/** Where a follow-up task stands. */
public enum FollowUpStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }
}
