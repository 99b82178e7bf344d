/**
 * Distribution: invitation waves to a segment or a selection of customers with a personal link each,
 * reminders, the contact-frequency limit across all surveys, and the durable mail outbox.
 */
package app.resonance.distribution;
