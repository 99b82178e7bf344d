/** The audit log: who changed what in surveys, customers, segments, users and settings, and when. */
package app.resonance.audit;
