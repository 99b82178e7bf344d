package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.DriverAnalysis;
import app.resonance.analytics.control.ReportingRules;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A driver analysis as the admin API answers it: which survey, days and minimum, and the analysis. */
@Schema(
        name = "Drivers",
        description = "What moves a survey's score over the days from..to (the reporting zone), with the reporting"
                + " rules' minimum number of responses")
@JsonbPropertyOrder({"survey", "zone", "from", "to", "minimumResponses", "analysis"})
public record DriversJson(
        String survey,
        String zone,
        @Schema(format = "date") String from,
        @Schema(format = "date") String to,

        @Schema(description = "No ranking below this many responses (anonymous surveys: at least 5)")
        int minimumResponses,

        DriverAnalysis analysis) {

    static DriversJson of(AnalyticsQuery query, String zone, DriverAnalysis analysis) {
        return new DriversJson(
                query.survey().slug(),
                zone,
                query.filter().from().toString(),
                query.filter().to().toString(),
                query.rules().anonymous()
                        ? Math.max(query.rules().minimumResponses(), ReportingRules.ANONYMITY_GROUP)
                        : query.rules().minimumResponses(),
                analysis);
    }
}
