/**
 * Scheduled digests: a saved dashboard view sent weekly or monthly to users and addresses, in their language, as a
 * short summary in the mail (the headline figure with its change and significance, the alerts of the period, the
 * overdue tasks) and the view's PDF report attached, through the mail outbox, each period once.
 */
package app.resonance.digests;
