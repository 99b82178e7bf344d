package app.resonance.analytics.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trend marker as the admin API takes it: the day of the action (YYYY-MM-DD in the console's zone), a
 * label, an optional description, and optionally the survey (slug) and segment (key) it concerns.
 */
@Schema(name = "MarkerDraft")
public record MarkerDraft(String date, String label, String description, String survey, String segment) {}
