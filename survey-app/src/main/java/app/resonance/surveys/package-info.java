/**
 * Surveys and their immutable published versions: questions of every type with German and English
 * texts, the public definition and the admin API that designs, publishes and closes surveys.
 */
package app.resonance.surveys;
