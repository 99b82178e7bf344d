package app.resonance.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Failed logins as an application metric, {@code resonance_login_failures_total{method}} with the
 * methods {@code form} (console), {@code basic} and {@code bearer} (admin API): API tokens are too long
 * to guess, so they are not slowed down, but guessing shows here. With its help text: Prometheus' own checker
 * ({@code promtool check metrics}, run by ContractsIT) refuses a metric without one.
 */
@ApplicationScoped
public class LoginMetrics {

    private static final Metadata FAILURES = Metadata.builder()
            .withName("resonance.login.failures")
            .withDescription("Failed logins by method (form: the console, basic and bearer: the admin API)")
            .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void failed(String method) {
        registry.counter(FAILURES, new Tag("method", method)).inc();
    }
}
