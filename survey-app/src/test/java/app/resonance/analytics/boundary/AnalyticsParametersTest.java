package app.resonance.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsQueryTest;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analytics and comment query parameters: Bean Validation names the parameter, in German and English. */
class AnalyticsParametersTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Map<String, String> messages(List<FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void badFormsAreNamedByTheirQueryNameInTheRequestsLanguage() {
        WindowParameters parameters = new WindowParameters();
        parameters.setMetric("XYZ");
        parameters.setFrom("yesterday");
        parameters.setGranularity("DECADE");
        parameters.setLocale("pt");
        parameters.setDays("abc");
        var english = messages(QueryParameters.check(validator, parameters, Messages.of(Locale.ENGLISH)));
        assertEquals(
                Map.of(
                        "metric", "Use one of: NPS, CSAT, CES, RATING.",
                        "from", "Give a date as YYYY-MM-DD.",
                        "granularity", "Use one of: DAY, WEEK, MONTH, QUARTER.",
                        "locale", "Use one of: de, en, fr, it, es, nl, pl.",
                        "days", "Give a whole number from 7 to 365."),
                english);
        var german = messages(QueryParameters.check(validator, parameters, Messages.of(Locale.GERMAN)));
        assertEquals("Verwenden Sie einen dieser Werte: NPS, CSAT, CES, RATING.", german.get("metric"));
        assertEquals("Geben Sie eine ganze Zahl von 7 bis 365 an.", german.get("days"));
        assertEquals("Geben Sie ein Datum als JJJJ-MM-TT an.", german.get("from"));
    }

    @Test
    void goodFormsInAnyCasePass() {
        WindowParameters parameters = new WindowParameters();
        parameters.setMetric("nps");
        parameters.setChannel("email");
        parameters.setGranularity("Week");
        parameters.setFrom("2026-01-01");
        parameters.setDays("365");
        assertEquals(List.of(), QueryParameters.check(validator, parameters, Messages.of(Locale.ENGLISH)));
    }

    @Test
    void formAndMeaningAreNamedInOneProblemEachParameterOnce() {
        AnalyticsParameters parameters = new AnalyticsParameters();
        parameters.setMetric("XYZ");
        parameters.setSegment("nope");
        parameters.setFrom("yesterday");
        var read = AnalyticsQuery.read(parameters.input(null), AnalyticsQuery.TREND_DAYS, AnalyticsQueryTest.context());
        var errors = parameters.errors(validator, Messages.of(Locale.ENGLISH), read);
        assertEquals(
                List.of("from", "metric", "segment"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("There is no segment with this key.", errors.get(2).message());
    }

    @Test
    void commentPagesAreWholeNumbersInRangeAndTheSearchIsShort() {
        CommentParameters parameters = new CommentParameters();
        parameters.offset = "-1";
        parameters.limit = "0";
        parameters.theme = "weather?";
        parameters.q = "x".repeat(201);
        Messages english = Messages.of(Locale.ENGLISH);
        var errors = messages(QueryParameters.check(validator, parameters, english));
        assertEquals(
                Map.of(
                        "offset",
                        english.get("error.range", 0, Integer.MAX_VALUE),
                        "limit",
                        "Give a whole number from 1 to 500.",
                        "theme",
                        english.get("error.topicKey"),
                        "q",
                        "At most 200 characters."),
                errors);
        parameters.limit = "abc";
        assertEquals(
                "Give a whole number from 1 to 500.",
                messages(QueryParameters.check(validator, parameters, english)).get("limit"),
                "not a number is named as the parameter, not turned into a 404");
    }
}
