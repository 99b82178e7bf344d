package app.resonance.customers.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one way a CSV row and a merge patch turn their fields by name into a profile. */
class CustomerProfileTest {

    @Test
    void eachFieldByItsNameAndAMissingOneEmpty() {
        var renewal = LocalDate.of(2026, 3, 31);
        assertEquals(
                new CustomerProfile(
                        "C-1",
                        "Ada",
                        "ada@example.com",
                        "business",
                        "EU",
                        "active",
                        renewal,
                        "de",
                        Map.of("tier", "a")),
                CustomerProfile.of(
                        "C-1",
                        Map.of(
                                "name", "Ada",
                                "email", "ada@example.com",
                                "plan", "business",
                                "region", "EU",
                                "lifecycleStage", "active",
                                "locale", "de",
                                "externalId", "ignored: the first argument names the customer"),
                        renewal,
                        Map.of("tier", "a")));
        assertEquals(
                new CustomerProfile("C-2", "Bo", null, null, null, null, null, null, Map.of()),
                CustomerProfile.of("C-2", Map.of("name", "Bo"), null, null));
    }
}
