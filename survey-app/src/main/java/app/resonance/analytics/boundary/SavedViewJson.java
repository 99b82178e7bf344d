package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.RelativePeriod;
import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.entity.SavedView;
import app.resonance.platform.boundary.Filled;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.Within;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Saved dashboard views as the admin API takes and answers them (records, JSON-B). */
public final class SavedViewJson {

    private SavedViewJson() {}

    /**
     * A view: a name, the trend API's filters (checked as {@link AnalyticsParameters} checks them, by the same
     * code) and a period, relative or fixed.
     */
    @Schema(
            name = "SavedViewRequest",
            description = "A saved dashboard view: the trend's filters as GET /admin/analytics/trend takes them,"
                    + " and either a relative period (moving with the day the view is opened) or from and to")
    public record Request(
            @Filled(message = "{error.required}")
            @Within(min = 0, max = SavedView.NAME_MAX, message = "{error.tooLong}")
            @Schema(required = true, maxLength = SavedView.NAME_MAX, example = "Business NPS, last 12 months")
            String name,

            @Schema(description = "The survey's slug; without one, every survey of the metric")
            String survey,

            @Schema(description = "NPS, CSAT, CES or RATING; default the survey's kind (required without a survey)")
            String metric,

            @Schema(description = "The question's key; default the survey's first question of the metric")
            String question,

            @Schema(description = "The segment's key; default all responses")
            String segment,

            @Schema(description = "Only responses from this channel")
            String channel,

            @Schema(description = "Only responses in this language (de, en, fr, it, es, nl, pl)")
            String locale,

            @Schema(description = "DAY, WEEK, MONTH or QUARTER; default MONTH")
            String granularity,

            @OneOf(type = RelativePeriod.class)
            @Schema(
                    description = "A relative period up to the day the view is opened; leave from and to out with it",
                    enumeration = {"LAST_30_DAYS", "LAST_90_DAYS", "LAST_6_MONTHS", "LAST_12_MONTHS", "LAST_24_MONTHS"})
            String period,

            @Schema(description = "First day (YYYY-MM-DD) of a fixed period", format = "date")
            String from,

            @Schema(description = "Last day (YYYY-MM-DD) of a fixed period", format = "date")
            String to) {

        SavedViews.Draft draft() {
            return new SavedViews.Draft(
                    name, survey, metric, question, segment, channel, locale, granularity, period, from, to);
        }

        /** The filters as the trend's query parameters, so that they are checked by the trend's own rules. */
        AnalyticsParameters parameters() {
            AnalyticsParameters p = new AnalyticsParameters();
            p.setSurvey(survey);
            p.setMetric(metric);
            p.setQuestion(question);
            p.setSegment(segment);
            p.setChannel(channel);
            p.setLocale(locale);
            p.setFrom(from);
            p.setTo(to);
            p.setGranularity(granularity);
            return p;
        }
    }

    @Schema(
            name = "SavedView",
            description = "A saved dashboard view with its filters as stored, the days it covers today and where"
                    + " to see it (the console's dashboard, the trend API)")
    @JsonbPropertyOrder({
        "id",
        "name",
        "owner",
        "survey",
        "metric",
        "question",
        "segment",
        "channel",
        "locale",
        "granularity",
        "period",
        "from",
        "to",
        "days",
        "dashboard",
        "trend",
        "createdAt",
        "updatedAt"
    })
    public record View(
            long id,
            String name,
            String owner,
            @JsonbNillable String survey,
            @JsonbNillable String metric,
            @JsonbNillable String question,
            @JsonbNillable String segment,
            @JsonbNillable String channel,
            @JsonbNillable String locale,
            @JsonbNillable String granularity,

            @JsonbNillable @Schema(nullable = true, description = "The relative period, null for fixed dates")
            String period,

            @JsonbNillable @Schema(nullable = true, description = "First day of a fixed period")
            String from,

            @JsonbNillable @Schema(nullable = true, description = "Last day of a fixed period")
            String to,

            @Schema(description = "The days the view covers today (a relative period resolved)")
            Days days,

            @Schema(description = "The console's dashboard with these filters (path)")
            String dashboard,

            @Schema(description = "The trend API with these filters (path)")
            String trend,

            String createdAt,
            String updatedAt) {

        static View of(SavedView v, AnalyticsQuery.Input today) {
            return new View(
                    v.id(),
                    v.name(),
                    v.owner(),
                    v.survey(),
                    v.metric(),
                    v.question(),
                    v.segment(),
                    v.channel(),
                    v.locale(),
                    v.granularity(),
                    v.period(),
                    v.from() == null ? null : v.from().toString(),
                    v.to() == null ? null : v.to().toString(),
                    new Days(today.from(), today.to()),
                    "/admin/dashboard.xhtml?" + today.queryString(false),
                    "/api/v1/admin/analytics/trend?" + today.queryString(true),
                    v.createdAt().toString(),
                    v.updatedAt().toString());
        }
    }

    @Schema(name = "SavedViewDays", description = "The first and last day a view covers today")
    @JsonbPropertyOrder({"from", "to"})
    public record Days(String from, String to) {}
}
