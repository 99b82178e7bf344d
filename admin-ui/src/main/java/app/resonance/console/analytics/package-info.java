/**
 * The analytics dashboard of the console: NPS, CSAT and CES with their margins of error, the trend with
 * confidence bands and action markers, before/after comparisons, segments side by side, the invitation
 * funnel and the score distribution. Every figure comes from survey-app's analytics control classes.
 */
package app.resonance.console.analytics;
