/**
 * Responses: validation of every answer against its question, idempotent submission, segment
 * membership frozen at arrival, and the metrics of the submission path.
 */
package app.resonance.responses;
