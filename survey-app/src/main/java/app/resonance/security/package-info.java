/**
 * Who may do what: users with roles (ADMIN, SUPPORT_LEAD, VIEWER) and PBKDF2 password hashes, API
 * tokens with scopes and an expiry (the scope each endpoint needs is in {@code platform.control.ScopeRules},
 * shared with the OpenAPI document), the authentication of the admin API (HTTP Basic or Bearer token), and
 * the audit of logins and token use.
 */
package app.resonance.security;
