package app.resonance.followups.boundary;

/**
 * A change to a follow-up as the admin API takes it; every field optional: status (OPEN, IN_PROGRESS,
 * DONE, CANCELLED), assignee (username of a support lead or admin; "" to unassign), dueDate (YYYY-MM-DD),
 * resurvey (invite the customer again when the task is done), note (appended).
 */
public record FollowUpChange(String status, String assignee, String dueDate, Boolean resurvey, String note) {}
