package app.resonance.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Failed logins as an application metric, {@code resonance_login_failures_total{method}} with the
 * methods {@code form} (console), {@code basic} and {@code bearer} (admin API): API tokens are too long
 * to guess, so they are not slowed down, but guessing shows here.
 */
@ApplicationScoped
public class LoginMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void failed(String method) {
        registry.counter("resonance.login.failures", new Tag("method", method)).inc();
    }
}
