package app.resonance.responses.control;

import app.resonance.surveys.control.SurveyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Application metrics of the submission path (Prometheus at /metrics?scope=application), every one with
 * its help text and durations in seconds: {@code resonance_submissions_total{survey,outcome}},
 * {@code resonance_submissions_rejected_total{reason}}, {@code resonance_submission_handled_total{survey}},
 * {@code resonance_submission_time_spent_seconds{survey}} (only grows: its rate over the rate of handled
 * submissions is the mean duration) and {@code resonance_submission_duration_max_seconds{survey}} (the
 * longest of the current and the previous minute). The survey label names only surveys that exist; any
 * other name counts as {@code unknown}, so clients cannot grow the number of series.
 */
@ApplicationScoped
public class SubmissionMetrics {

    static final String UNKNOWN = "unknown";

    private static final Metadata SUBMISSIONS = Metadata.builder()
            .withName("resonance.submissions")
            .withDescription(
                    "Submissions by survey and outcome (accepted, replayed, rejected, complete, page, one-click)")
            .build();
    private static final Metadata REJECTED = Metadata.builder()
            .withName("resonance.submissions.rejected")
            .withDescription("Rejected submissions by reason")
            .build();
    private static final Metadata HANDLED = Metadata.builder()
            .withName("resonance.submission.handled")
            .withDescription("Submissions through the API handled, whatever their outcome")
            .build();
    private static final Metadata SPENT = Metadata.builder()
            .withName("resonance.submission.time.spent")
            .withDescription("Total time spent handling API submissions; only grows, use rate() over"
                    + " rate(resonance_submission_handled_total) for the mean")
            .withUnit(MetricUnits.SECONDS)
            .build();
    private static final Metadata MAX = Metadata.builder()
            .withName("resonance.submission.duration.max")
            .withDescription("Longest API submission of the current and the previous minute")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    SurveyCatalog catalog;

    @Inject
    Clock clock;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<String, SubmissionTimes> times = new ConcurrentHashMap<>();

    /** Outcomes: accepted, replayed, rejected. */
    public void outcome(String survey, String outcome) {
        registry.counter(SUBMISSIONS, new Tag("survey", label(survey)), new Tag("outcome", outcome))
                .inc();
    }

    /** Reasons: not_found, closed, malformed, invalid, too_large, idempotency_conflict, unavailable. */
    public void rejected(String survey, String reason) {
        outcome(survey, "rejected");
        registry.counter(REJECTED, new Tag("reason", reason)).inc();
    }

    public void duration(String survey, Duration duration) {
        String label = label(survey);
        Tag tag = new Tag("survey", label);
        registry.counter(HANDLED, tag).inc();
        times.computeIfAbsent(label, l -> {
                    SubmissionTimes created = new SubmissionTimes();
                    registry.gauge(SPENT, created, SubmissionTimes::spentSeconds, tag);
                    registry.gauge(MAX, created, t -> t.maxSeconds(clock.instant()), tag);
                    return created;
                })
                .record(duration, clock.instant());
    }

    /** The survey's name as a label: itself when such a survey exists, {@code unknown} otherwise. */
    String label(String survey) {
        if (survey == null || known.contains(survey)) {
            return survey == null ? UNKNOWN : survey;
        }
        if (catalog.exists(survey)) {
            known.add(survey);
            return survey;
        }
        return UNKNOWN;
    }
}
