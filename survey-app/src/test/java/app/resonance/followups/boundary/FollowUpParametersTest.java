package app.resonance.followups.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.ParameterViolations;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The follow-up and alert endpoints' query parameters as Bean Validation sees them, and the field errors their
 * violations become (the 400 invalid-parameters problem, checked end to end in AnalyticsIT): each parameter
 * named, in German and English, with the texts the hand-written parser gave before.
 */
class FollowUpParametersTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static List<FieldError> errors(Locale locale, Object... beans) {
        Set<ConstraintViolation<?>> violations = new HashSet<>();
        for (Object bean : beans) {
            violations.addAll(VALIDATOR.validate(bean));
        }
        return ParameterViolations.errors(violations, Messages.of(locale));
    }

    @Test
    void validParametersHaveNoViolationAndGiveTheDefaults() {
        var page = new PageParameters(null, null);
        var filter = new FollowUpFilter("in_progress", "lead", "C-00001", "true");
        var check = new SegmentCheckParameters(null, null);
        assertTrue(VALIDATOR.validate(page).isEmpty());
        assertTrue(VALIDATOR.validate(filter).isEmpty());
        assertTrue(VALIDATOR.validate(check).isEmpty());
        assertEquals(0, page.offset());
        assertEquals(50, page.limit());
        assertEquals(FollowUpStatus.IN_PROGRESS, filter.status());
        assertTrue(filter.overdueOnly());
        assertEquals(LocalDate.of(2026, 12, 5), check.asOf(LocalDate.of(2026, 12, 5)));
        assertEquals(30, check.days());
        assertEquals(500, new PageParameters("10", "500").limit());
        assertEquals(10, new PageParameters("10", "500").offset());
    }

    @Test
    void everyBadParameterIsNamedInEnglish() {
        List<FieldError> errors = errors(
                Locale.ENGLISH, new PageParameters("-1", "abc"), new FollowUpFilter("WAITING", null, null, "yes"));
        assertEquals(
                List.of("limit", "offset", "overdue", "status"),
                errors.stream().map(FieldError::field).toList());
        assertEquals(
                List.of("range", "range", "expectedBoolean", "oneOf"),
                errors.stream().map(FieldError::code).toList());
        assertEquals("Give a whole number from 1 to 500.", errors.get(0).message());
        assertEquals("Give true or false.", errors.get(2).message());
        assertEquals(
                "Use one of: OPEN, IN_PROGRESS, DONE, CANCELLED.", errors.get(3).message());
    }

    @Test
    void theSegmentCheckNamesDateAndWindowInGerman() {
        List<FieldError> errors = errors(Locale.GERMAN, new SegmentCheckParameters("2026-02-30", "6"));
        assertEquals(
                List.of("asOf", "days"), errors.stream().map(FieldError::field).toList());
        assertEquals("Geben Sie ein Datum als JJJJ-MM-TT an.", errors.get(0).message());
        assertEquals(
                "Geben Sie eine ganze Zahl von 7 bis 180 an.", errors.get(1).message());
        assertEquals(
                1,
                errors(Locale.GERMAN, new SegmentCheckParameters(null, "181")).size());
        assertTrue(errors(Locale.GERMAN, new SegmentCheckParameters("2026-03-01", "180"))
                .isEmpty());
    }
}
