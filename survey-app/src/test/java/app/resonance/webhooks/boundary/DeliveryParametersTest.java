package app.resonance.webhooks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The deliveries' status filter: one of the three statuses, or all when absent or empty. */
class DeliveryParametersTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anAbsentOrEmptyStatusListsAll() {
        for (String all : new String[] {null, "", " "}) {
            var parameters = new DeliveryParameters(all);
            assertEquals(List.of(), QueryParameters.check(VALIDATOR, parameters, Messages.of(Locale.ENGLISH)));
            assertNull(parameters.status(), "'" + all + "' lists all");
        }
        assertEquals("FAILED", new DeliveryParameters("FAILED").status());
    }

    @Test
    void anUnknownStatusIsNamedInBothLanguages() {
        var parameters = new DeliveryParameters("LOST");
        List<FieldError> english = QueryParameters.check(VALIDATOR, parameters, Messages.of(Locale.ENGLISH));
        assertEquals(1, english.size());
        assertEquals("status", english.get(0).field());
        assertEquals("Use one of: PENDING, DELIVERED, FAILED.", english.get(0).message());
        List<FieldError> german = QueryParameters.check(VALIDATOR, parameters, Messages.of(Locale.GERMAN));
        assertEquals(
                "Verwenden Sie einen dieser Werte: PENDING, DELIVERED, FAILED.",
                german.get(0).message());
    }
}
