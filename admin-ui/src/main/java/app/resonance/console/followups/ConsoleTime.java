package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Points in time as the follow-up pages show them: minutes in the console's time zone. */
@Named
@ApplicationScoped
public class ConsoleTime {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    AnalyticsSettings settings;

    public String format(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(settings.zone()));
    }

    /** The zone's name for column headers, e.g. Europe/Berlin. */
    public String zone() {
        return settings.zone().getId();
    }

    /** A customer as "name (id)", without repeating an id the name already contains. */
    public static String label(String name, String externalId) {
        if (externalId == null) {
            return null;
        }
        return name == null || name.isBlank()
                ? externalId
                : name.contains(externalId) ? name : name + " (" + externalId + ")";
    }
}
