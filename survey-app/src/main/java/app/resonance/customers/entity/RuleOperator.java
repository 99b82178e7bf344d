package app.resonance.customers.entity;

/** How a segment rule compares a customer's attribute with the rule's value. */
public enum RuleOperator {
    /** Equal, ignoring case. */
    EQUALS,
    NOT_EQUALS,
    /** One of a comma-separated list, ignoring case. */
    IN,
    NOT_IN,
    /** Contains the value, ignoring case. */
    CONTAINS,
    /** A date attribute before the ISO date value. */
    BEFORE,
    /** A date attribute after the ISO date value. */
    AFTER,
    /** A date attribute from today up to the given number of days ahead (a renewal coming up). */
    WITHIN_DAYS,
    /** The attribute has any value; the rule's value is ignored. */
    PRESENT
}
