/**
 * Customers (external id, contact, plan, region, lifecycle stage, renewal date and free attributes) and
 * segments defined by attribute rules, evaluated when a response arrives.
 */
package app.resonance.customers;
