/** The comments page: respondents' free-text answers, searchable and filterable, with theme counts. */
package app.resonance.console.comments;
