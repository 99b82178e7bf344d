/**
 * Closing the loop in the console: the follow-up task list, one task's page (status, assignee, due date,
 * notes, closing with a re-survey; SUPPORT_LEAD and ADMIN only) and a customer's feedback view.
 */
package app.resonance.console.followups;
