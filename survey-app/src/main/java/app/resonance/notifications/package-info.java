/**
 * Notifications where teams work: destinations an admin registers (a Slack incoming webhook, a Microsoft Teams
 * workflow webhook, e-mail addresses), each for chosen alert kinds and surveys; every task the alert rules create
 * becomes one message per matching destination (Slack Block Kit, an Adaptive Card, a mail) in the one outbox,
 * delivered with retries like webhooks.
 */
package app.resonance.notifications;
