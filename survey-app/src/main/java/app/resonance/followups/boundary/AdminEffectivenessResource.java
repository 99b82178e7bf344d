package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.followups.control.ClosedLoopEffectiveness;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Closed-loop effectiveness in the admin API: did the closed follow-up tasks win detractors back? */
@Path("admin/followups/effectiveness")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminEffectivenessResource {

    @Inject
    ClosedLoopEffectiveness effectiveness;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(
            summary = "Closed-loop effectiveness: recovery of followed-up detractors against those without a follow-up",
            description = "For the follow-up tasks closed on the days from..to whose customer gave the task's survey"
                    + " an NPS score again after the task was closed: the earlier score (the task's response, else the"
                    + " customer's latest score before the task) against the first later one. Recovery: a detractor"
                    + " (0-6) who answered 7 or more, with the Wilson 95 % interval; change of score: the mean"
                    + " of later minus earlier with the Student t 95 % interval. By assignee, team, alert rule and"
                    + " closing status (DONE, CANCELLED), and compared with each customer's first detractor score of"
                    + " the period without a follow-up task open in it, paired with their next score (two-proportion"
                    + " z test, two-sided, p value). No rate or mean below the minimum number of responses"
                    + " (NOT_ENOUGH_RESPONSES). Observational: the caveat says so in the request's language. Default"
                    + " period: the last 365 days. Bad days: 400 naming from or to.")
    public EffectivenessJson report(@Valid @BeanParam EffectivenessParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        ZoneId zone = settings.zone();
        var period = parameters.period(LocalDate.now(clock.withZone(zone)));
        if (!period.valid()) {
            throw new ProblemException(
                    "invalid-parameters",
                    400,
                    "Bad Request",
                    "problem.invalidParameters",
                    period.complaints().entrySet().stream()
                            .map(c -> messages.error(c.getKey(), c.getValue()))
                            .toList());
        }
        LocalDate from = period.from();
        LocalDate to = period.to();
        var report = effectiveness.report(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                settings.rules(false));
        return EffectivenessJson.of(from, to, zone.getId(), report, messages);
    }
}
