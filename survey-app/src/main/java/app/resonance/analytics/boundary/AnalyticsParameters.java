package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters of the trend, the segment comparison and the PDF report ({@code @BeanParam}), checked
 * with Bean Validation and read into the one {@link AnalyticsQuery} the console's dashboard reads too.
 * (Jersey cannot inject a record: it injects fields, and a record's are final.)
 */
public class AnalyticsParameters {

    @QueryParam("survey")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("The survey's slug; without one, every survey of the metric")
    String survey;

    @QueryParam("metric")
    @OneOf(type = Metric.class)
    @ParameterDoc("The figure; default the survey's kind (required without a survey)")
    String metric;

    @QueryParam("question")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("The question's key; default the survey's first question of the metric")
    String question;

    @QueryParam("segment")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("The segment's key; default all responses")
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
    @ParameterDoc("First day (YYYY-MM-DD in the console's time zone); default 'to' less the endpoint's"
            + " default range (365 days for trend and report, 90 for segments)")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day (YYYY-MM-DD in the console's time zone); default today")
    String to;

    @QueryParam("granularity")
    @OneOf(type = Granularity.class)
    @ParameterDoc("Length of a period; default MONTH")
    String granularity;

    @QueryParam("zone")
    @Size(max = 100, message = "{error.tooLong}")
    @ParameterDoc("The console's time zone, if given (trends are counted in its days)")
    String zone;

    public AnalyticsParameters() {}

    /** The parameters as the one analytics query reads them; {@code days}: the window around a marker. */
    public AnalyticsQuery.Input input(Integer days) {
        return new AnalyticsQuery.Input(
                survey, metric, question, segment, channel, locale, from, to, granularity, zone, days);
    }

    /**
     * The query read from these parameters, checked: every bad parameter, whether its form (Bean Validation)
     * or what it names (an unknown survey) is wrong, named in one 400 problem.
     */
    AnalyticsQuery checked(Validator validator, Messages messages, AnalyticsQuery.Result read) {
        List<FieldError> errors = errors(validator, messages, read);
        if (!errors.isEmpty()) {
            throw QueryParameters.invalid(errors);
        }
        return read.query();
    }

    /** The bad parameters: their form first, then what they name, each parameter once. */
    List<FieldError> errors(Validator validator, Messages messages, AnalyticsQuery.Result read) {
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, this, messages));
        for (AnalyticsQuery.Complaint c : read.complaints()) {
            if (!QueryParameters.named(errors, c.field())) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        return errors;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }
}
