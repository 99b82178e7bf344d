/**
 * The respondent's side: server-rendered public survey forms (public links, personal invitation links,
 * one-click scores from email), saved page by page, with skip logic, piping, spam protection and rate
 * limits; the embeddable widget's cross-origin access to the public API.
 */
package app.resonance.forms;
