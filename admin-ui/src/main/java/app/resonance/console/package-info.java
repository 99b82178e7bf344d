/**
 * The admin console at /admin (PrimeFaces): packaged as a web fragment jar into the one application
 * WAR, calling survey-app's control classes in-process.
 */
package app.resonance.console;
