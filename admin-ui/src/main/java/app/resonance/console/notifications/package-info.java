/** The console's notifications page: where alerts are told (Slack, Microsoft Teams, e-mail), for admins. */
package app.resonance.console.notifications;
