/**
 * Page objects of the console (login, the frame every page shares, dashboard, designer, follow-up task,
 * customer, import) and the raw HTTP helper the console's security tests use: what a browser test may
 * do and read on a page, in one place, so that a changed id breaks one class and not every test.
 */
package app.resonance.testing.console;
