/** Console login and logout, the signed-in user, and user management for admins. */
package app.resonance.console.security;
