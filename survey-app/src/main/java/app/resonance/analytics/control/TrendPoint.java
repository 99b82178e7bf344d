package app.resonance.analytics.control;

import java.time.LocalDate;

/** One period of a trend: its days (in the reporting zone), its label and its figure. */
public record TrendPoint(LocalDate start, LocalDate end, String label, Estimate estimate) {}
