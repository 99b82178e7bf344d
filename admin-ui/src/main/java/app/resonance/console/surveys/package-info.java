/** The survey list and the survey designer: templates, questions, both languages, preview, lifecycle. */
package app.resonance.console.surveys;
