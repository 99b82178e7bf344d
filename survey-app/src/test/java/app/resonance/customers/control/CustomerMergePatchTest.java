package app.resonance.customers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.JsonInput;
import app.resonance.platform.control.Messages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON Merge Patch (RFC 7396) on a customer: left out stays, null clears, attributes merge, unknown is named. */
class CustomerMergePatchTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);

    static final CustomerProfile ANNA = new CustomerProfile(
            "C-1",
            "Anna Schmidt",
            "anna@example.com",
            "Business",
            "DE",
            "Active",
            LocalDate.of(2027, 1, 31),
            "de",
            Map.of("industry", "Retail", "seats", "40"));

    static CustomerMergePatch.Result patch(String json) {
        return CustomerMergePatch.apply(
                ANNA, JsonInput.object(json.getBytes(StandardCharsets.UTF_8)).orElseThrow(), EN);
    }

    static List<String> errors(CustomerMergePatch.Result result) {
        return result.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        var result = patch("{}");
        assertEquals(List.of(), errors(result));
        assertEquals(ANNA, result.profile());
    }

    @Test
    void aLeftOutFieldStaysAndAGivenOneIsReplaced() {
        var result = patch("{\"plan\": \"Enterprise\"}");
        assertEquals(List.of(), errors(result));
        assertEquals(
                new CustomerProfile(
                        "C-1",
                        "Anna Schmidt",
                        "anna@example.com",
                        "Enterprise",
                        "DE",
                        "Active",
                        LocalDate.of(2027, 1, 31),
                        "de",
                        Map.of("industry", "Retail", "seats", "40")),
                result.profile());
    }

    @Test
    void nullClearsAField() {
        var result = patch("{\"email\": null, \"renewalDate\": null, \"locale\": null}");
        assertEquals(List.of(), errors(result));
        assertEquals(null, result.profile().email());
        assertEquals(null, result.profile().renewalDate());
        assertEquals(null, result.profile().locale());
        assertEquals("Business", result.profile().plan());
    }

    @Test
    void attributesMergeNameByNameAndNullRemovesOne() {
        var result = patch("{\"attributes\": {\"seats\": null, \"industry\": \"Banking\", \"tier\": \"gold\"}}");
        assertEquals(List.of(), errors(result));
        assertEquals(
                Map.of("industry", "Banking", "tier", "gold"), result.profile().attributes());
    }

    @Test
    void nullAttributesRemovesThemAll() {
        assertEquals(Map.of(), patch("{\"attributes\": null}").profile().attributes());
    }

    @Test
    void aDateIsReadAsYearMonthDay() {
        assertEquals(
                LocalDate.of(2028, 2, 29),
                patch("{\"renewalDate\": \"2028-02-29\"}").profile().renewalDate());
        assertEquals(List.of("renewalDate expectedDate"), errors(patch("{\"renewalDate\": \"29.02.2028\"}")));
    }

    @Test
    void anUnknownFieldIsNamedNotIgnored() {
        var result = patch("{\"plan\": \"Enterprise\", \"segment\": \"vip\"}");
        assertEquals(List.of("segment unknownField"), errors(result));
        assertEquals("This field is not known.", result.errors().get(0).message());
    }

    @Test
    void theExternalIdAndTheTimesCannotBeChanged() {
        assertEquals(List.of(), errors(patch("{\"externalId\": \"C-1\"}")), "repeating the id is fine");
        assertEquals(
                List.of("externalId readOnly", "createdAt readOnly"),
                errors(patch("{\"externalId\": \"C-2\", \"createdAt\": \"2026-01-01T00:00:00Z\"}")));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertEquals(
                List.of("name expectedText", "attributes.seats expectedText", "locale expectedText"),
                errors(patch("{\"name\": 123, \"attributes\": {\"seats\": 40}, \"locale\": true}")));
        assertEquals(List.of("attributes expectedObject"), errors(patch("{\"attributes\": [\"a\"]}")));
    }

    @Test
    void theMergedProfileMeetsTheSameRulesAsAReplacement() {
        var result = patch("{\"name\": null, \"email\": \"not-an-address\"}");
        assertEquals(List.of(), errors(result), "the patch itself is well-formed");
        assertEquals(
                List.of("name required", "email email"),
                CustomerProfileValidator.validate(result.profile(), "", EN).stream()
                        .map(e -> e.field() + " " + e.code())
                        .toList());
    }
}
