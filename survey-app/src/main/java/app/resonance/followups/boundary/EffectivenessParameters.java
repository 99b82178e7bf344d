package app.resonance.followups.boundary;

import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * The period of the closed-loop effectiveness report as query parameters, each checked by Bean Validation ({@code
 * @Valid @BeanParam}); that from is not after to is checked by the resource.
 */
public class EffectivenessParameters {

    /** The default period: the last 365 days up to today. */
    public static final int DEFAULT_DAYS = 365;

    @QueryParam("from")
    @Day
    @ParameterDoc("First day the tasks were closed (YYYY-MM-DD in the console's time zone); default 'to' less 364 days")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day the tasks were closed (YYYY-MM-DD in the console's time zone); default today")
    String to;

    public EffectivenessParameters() {}

    EffectivenessParameters(String from, String to) {
        this.from = from;
        this.to = to;
    }

    LocalDate to(LocalDate today) {
        return Day.Check.of(to, today);
    }

    LocalDate from(LocalDate to) {
        return Day.Check.of(from, to.minusDays(DEFAULT_DAYS - 1));
    }
}
