/**
 * Who may do what: users with roles (ADMIN, SUPPORT_LEAD, VIEWER) and PBKDF2 password hashes, API
 * tokens, and the authentication of the admin API (HTTP Basic or Bearer token).
 */
package app.resonance.security;
