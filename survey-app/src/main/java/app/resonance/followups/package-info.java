/**
 * Closing the loop: rules that raise alerts (a detractor, a promoter who became a detractor, a detractor
 * close to renewal, a segment whose NPS falls significantly) and the follow-up tasks assigned to support
 * leads, with due dates, status, notes and a notification seam.
 */
package app.resonance.followups;
