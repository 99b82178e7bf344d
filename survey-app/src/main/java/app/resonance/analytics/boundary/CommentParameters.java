package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Topics;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.WholeNumber;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of the comment list and the theme counts ({@code @BeanParam}), checked with Bean
 * Validation; the survey and segment they name are looked up by {@link #read}.
 */
public class CommentParameters {

    /** The comments a page holds when nobody chose. */
    static final int LIMIT = 50;

    @QueryParam("survey")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc(value = "The survey's slug (required)", required = true)
    String survey;

    @QueryParam("q")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Search text, case-insensitive, anywhere in the comment")
    String q;

    @QueryParam("question")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Only the answers to this text question of the survey (its key); default: every text question's")
    String question;

    @QueryParam("theme")
    @Pattern(regexp = "[A-Za-z0-9_]{1,40}", message = "{error.topicKey}")
    @ParameterDoc("Only comments on this topic (its key, see /admin/topics)")
    String theme;

    @QueryParam("segment")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("The segment's key")
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
    @ParameterDoc("First day (YYYY-MM-DD in the console's time zone)")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day (YYYY-MM-DD in the console's time zone)")
    String to;

    @QueryParam("offset")
    @WholeNumber(min = 0)
    @ParameterDoc("Comments to skip; default 0")
    String offset;

    @QueryParam("limit")
    @WholeNumber(min = 1, max = 500)
    @ParameterDoc("Comments to answer; default 50")
    String limit;

    @QueryParam("granularity")
    @OneOf(type = Granularity.class)
    @ParameterDoc("Length of a period of the theme counts; default MONTH")
    String granularity;

    public CommentParameters() {}

    /** What the parameters ask for: the comments of one survey, a page of them and the periods. */
    record Request(CommentFilter filter, Survey survey, int offset, int limit, Granularity granularity) {}

    /** Every bad parameter, in form or in what it names, in one 400 problem. */
    Request read(
            Validator validator, SurveyCatalog surveys, SegmentCatalog segments, Topics topics, Messages messages) {
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, this, messages));
        Survey found = null;
        if (survey == null || survey.isBlank()) {
            errors.add(messages.error("survey", "required"));
        } else if (!QueryParameters.named(errors, "survey")) {
            found = surveys.bySlug(survey).orElse(null);
            if (found == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        Segment chosen = null;
        if (segment != null && !segment.isBlank() && !QueryParameters.named(errors, "segment")) {
            chosen = segments.byKey(segment).orElse(null);
            if (chosen == null) {
                errors.add(messages.error("segment", "unknownSegment"));
            }
        }
        if (found != null && blank(question) != null && !QueryParameters.named(errors, "question")) {
            var asked = app.resonance.analytics.control.Crosstabs.question(found, blank(question));
            if (asked.isEmpty()) {
                errors.add(messages.error("question", "unknownQuestion"));
            } else if (asked.get().type() != app.resonance.surveys.entity.QuestionType.SHORT_TEXT
                    && asked.get().type() != app.resonance.surveys.entity.QuestionType.LONG_TEXT) {
                errors.add(messages.error("question", "notText"));
            }
        }
        if (upper(theme) != null && !QueryParameters.named(errors, "theme") && !topics.defined(upper(theme))) {
            errors.add(messages.error("theme", "unknownTopic"));
        }
        LocalDate first = QueryParameters.named(errors, "from")
                ? null
                : AnalyticsQuery.date(blank(from), null, "from", List.of());
        LocalDate last =
                QueryParameters.named(errors, "to") ? null : AnalyticsQuery.date(blank(to), null, "to", List.of());
        if (first != null && last != null && first.isAfter(last)) {
            errors.add(messages.error("from", "fromAfterTo"));
        }
        if (!errors.isEmpty()) {
            throw QueryParameters.invalid(errors);
        }
        return new Request(
                new CommentFilter(
                        found.id(),
                        first,
                        last,
                        chosen == null ? null : chosen.id(),
                        upper(channel),
                        blank(locale),
                        q,
                        theme == null || theme.isBlank() ? null : upper(theme),
                        blank(question)),
                found,
                WholeNumber.Check.of(offset, 0),
                WholeNumber.Check.of(limit, LIMIT),
                granularity == null || granularity.isBlank()
                        ? Granularity.DEFAULT
                        : Granularity.valueOf(upper(granularity)));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String upper(String text) {
        return blank(text) == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
