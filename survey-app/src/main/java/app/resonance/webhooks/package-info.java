/**
 * Webhooks: admins register endpoints for response events; each event is delivered from a durable
 * outbox, signed with HMAC-SHA256 and a time stamp, and retried with growing pauses until accepted.
 */
package app.resonance.webhooks;
