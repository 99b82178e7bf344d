package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.responses.entity.Channel;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The filters on a survey's responses that the views of one survey share (the crosstab, the response browser):
 * segment, channel, language and days, read into the one {@link AnalyticsQuery} for the survey of the path. Each
 * view's operation says its default range.
 */
public class ResponseFilterParameters {

    @QueryParam("segment")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Only responses of this segment (its key)")
    String segment;

    @QueryParam("channel")
    @OneOf(type = Channel.class)
    @ParameterDoc("Only responses from this channel")
    String channel;

    @QueryParam("locale")
    @OneOf(values = {"de", "en", "fr", "it", "es", "nl", "pl"})
    @ParameterDoc("Only responses in this language")
    String locale;

    @QueryParam("from")
    @Day
    @ParameterDoc("First day (YYYY-MM-DD in the console's time zone); default: the operation's range before 'to'")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day (YYYY-MM-DD in the console's time zone); default today")
    String to;

    public ResponseFilterParameters() {}

    /** The filters as the one analytics query reads them, for the survey of the path. */
    AnalyticsQuery.Input input(String slug) {
        return new AnalyticsQuery.Input(slug, null, null, segment, channel, locale, from, to, null, null, null);
    }
}
