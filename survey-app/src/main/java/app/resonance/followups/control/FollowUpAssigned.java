package app.resonance.followups.control;

/**
 * A follow-up task was created and assigned (assignee null: no support lead exists yet). Fired after the
 * creating transaction committed. This is the notification seam: the mail infrastructure observes it
 * ({@code @Observes FollowUpAssigned}) and emails the assignee; without an observer nothing is sent.
 */
public record FollowUpAssigned(long followUpId, Long assigneeId) {}
