/**
 * The demo: surveys, segments, customers and a year of responses that tell a story (the Business
 * segment's NPS dips when post-purchase support gets worse and recovers after check-in calls start),
 * loaded once at the first start when {@code resonance.demo.enabled} is true.
 */
package app.resonance.demo;
