/**
 * What every feature stands on: the data source and its migrations, time in UTC, RFC 9457 problem
 * responses, security headers, request limits, health checks, and the scopes of API tokens with the one
 * table of the scope each admin endpoint needs.
 */
package app.resonance.platform;
