package app.resonance.responses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Application metrics of the submission path (Prometheus at /metrics?scope=application):
 * {@code resonance_submissions_total{survey,outcome}}, {@code resonance_submissions_rejected_total{reason}}
 * and the timer {@code resonance_submission_seconds{survey}}.
 */
@ApplicationScoped
public class SubmissionMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** Outcomes: accepted, replayed, rejected. */
    public void outcome(String survey, String outcome) {
        registry.counter("resonance.submissions", new Tag("survey", survey), new Tag("outcome", outcome))
                .inc();
    }

    /** Reasons: not_found, closed, malformed, invalid, too_large, idempotency_conflict, unavailable. */
    public void rejected(String survey, String reason) {
        outcome(survey, "rejected");
        registry.counter("resonance.submissions.rejected", new Tag("reason", reason))
                .inc();
    }

    public void duration(String survey, Duration duration) {
        registry.timer("resonance.submission", new Tag("survey", survey)).update(duration);
    }
}
