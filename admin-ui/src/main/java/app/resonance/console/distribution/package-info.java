/** Distribution in the console: public link, QR code, widget snippet, invitation waves and their figures. */
package app.resonance.console.distribution;
