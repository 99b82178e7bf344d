/** The demo's stand-in for a company's own site with the identified feedback widget. */
package app.resonance.demo.boundary;
