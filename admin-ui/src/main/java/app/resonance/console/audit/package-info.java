/** The audit log page for admins. */
package app.resonance.console.audit;
