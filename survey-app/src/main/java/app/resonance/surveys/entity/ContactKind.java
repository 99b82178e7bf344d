package app.resonance.surveys.entity;

/**
 * Why a survey asks, for the contact rules: a relationship survey asks on a cadence how the customer sees the
 * company as a whole (relationship NPS); a transactional one asks about one event (a support case, onboarding).
 * Each kind has its own contact limit besides the overall one.
 */
public enum ContactKind {
    RELATIONSHIP,
    TRANSACTIONAL
}
