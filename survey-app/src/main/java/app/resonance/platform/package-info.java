/**
 * What every feature stands on: the data source and its migrations, time in UTC, RFC 9457 problem
 * responses, security headers, request limits and health checks.
 */
package app.resonance.platform;
