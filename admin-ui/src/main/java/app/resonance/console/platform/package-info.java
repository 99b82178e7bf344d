/** What every console page shares: language, texts, messages, the signed-in user. */
package app.resonance.console.platform;
