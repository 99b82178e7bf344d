/**
 * The PrimeFaces console at /admin for the people who run the feedback programme, in German and English.
 * It calls survey-app's control classes in-process and never runs a query of its own.
 */
package app.resonance.console;
