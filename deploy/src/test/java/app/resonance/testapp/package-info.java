/**
 * The application as the tests run it: the real bundle ({@code target/resonance.jar}) started as a
 * child process, once per test JVM, with the demo data and a real SMTP server (GreenMail).
 */
package app.resonance.testapp;
