package app.resonance.analytics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The analytics settings: the reporting time zone the day buckets are counted in (the console's time
 * zone, {@code resonance.analytics.zone}, default Europe/Berlin) and the minimum number of responses a
 * figure needs ({@code resonance.analytics.min-responses}, default 30).
 */
@ApplicationScoped
public class AnalyticsSettings {

    @Inject
    @ConfigProperty(name = "resonance.analytics.zone", defaultValue = "Europe/Berlin")
    String zone;

    @Inject
    @ConfigProperty(name = "resonance.analytics.min-responses", defaultValue = "30")
    int minimumResponses;

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public ReportingRules rules(boolean anonymousSurvey) {
        return new ReportingRules(Math.max(1, minimumResponses), anonymousSurvey);
    }
}
