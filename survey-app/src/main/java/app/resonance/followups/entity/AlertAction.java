package app.resonance.followups.entity;

/** What a firing alert rule does besides recording its alert. */
public enum AlertAction {
    /** A follow-up task (one per response, shared by the rules that fired on it). */
    TASK,
    /** Notifications to the destinations, held until the end of the rule's quiet hours. */
    NOTIFY,
    /** Both a task and notifications. */
    BOTH;

    public boolean task() {
        return this != NOTIFY;
    }

    public boolean notifies() {
        return this != TASK;
    }
}
