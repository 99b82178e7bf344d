/**
 * Sharing: read-only links to a saved dashboard view for people without an account. A link expires (at most 90
 * days), can be revoked, stores only the SHA-256 of its token, shows figures only (comments only when chosen,
 * never who wrote them), applies the minimum-responses rule, is not indexed, and every use is audited.
 */
package app.resonance.sharing;
