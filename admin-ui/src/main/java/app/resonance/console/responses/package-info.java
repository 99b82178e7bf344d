/**
 * The response browser of the console: a survey's responses page by page with the API's filters, and one whole
 * response, both through the browser's query in {@code analytics.control}.
 */
package app.resonance.console.responses;
