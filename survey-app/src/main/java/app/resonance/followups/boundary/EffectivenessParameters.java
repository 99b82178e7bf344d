package app.resonance.followups.boundary;

import app.resonance.followups.control.ClosedLoopEffectiveness;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * The period of the closed-loop effectiveness report as query parameters, each checked by Bean Validation ({@code
 * @Valid @BeanParam}); that from is not after to is checked by the resource.
 */
public class EffectivenessParameters {

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

    /** The days, read as the console reads them (the form of each is checked by Bean Validation first). */
    ClosedLoopEffectiveness.Period period(LocalDate today) {
        return ClosedLoopEffectiveness.period(from, to, today);
    }
}
