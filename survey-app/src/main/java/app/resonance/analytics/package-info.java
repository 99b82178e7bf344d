/**
 * Analytics: honest statistics (NPS, CSAT, CES with their margins of error and significance tests),
 * rollups kept up to date from the response outbox, trends by day, ISO week, month and quarter,
 * segment comparisons, trend markers with before/after tests, and streamed exports.
 */
package app.resonance.analytics;
