/** The customer list, the CSV import and the segment definitions with live counts. */
package app.resonance.console.customers;
