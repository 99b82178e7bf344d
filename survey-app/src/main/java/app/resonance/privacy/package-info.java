/**
 * Privacy by design: retention periods after which responses are anonymised, erasure of one customer's
 * personal data on request (keeping anonymous aggregates correct), and the export of everything stored
 * about one customer (right of access).
 */
package app.resonance.privacy;
