package app.resonance.customers.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.entity.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentRuleTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** Plan Pro in EU-West, renewing 2026-12-15, with a free attribute industry=Retail. */
    static final Customer ANNA = customer(new CustomerProfile(
            "C-1",
            "Anna Schmidt",
            "Anna@Example.com",
            "Pro",
            "EU-West",
            "customer",
            LocalDate.of(2026, 12, 15),
            "de",
            Map.of("industry", "Retail", "since", "soon", "note", "   ")));
    /** Only external id and name. */
    static final Customer BARE = customer(new CustomerProfile("C-2", "Bob", null, null, null, null, null, null, null));

    static Customer customer(CustomerProfile profile) {
        Customer customer = new Customer(profile.externalId(), profile.name(), NOW);
        customer.update(profile, NOW);
        return customer;
    }

    static Customer renewing(LocalDate date) {
        return customer(new CustomerProfile("C-3", "Cleo", null, "basic", null, null, date, null, null));
    }

    static boolean test(Customer customer, String attribute, RuleOperator operator, String value) {
        return new SegmentRule(attribute, operator, value).test(customer, TODAY);
    }

    @Test
    void customerExposesStandardFieldsAndFreeAttributesToRules() {
        assertEquals(Optional.of("Pro"), ANNA.attribute("plan"));
        assertEquals(Optional.of("EU-West"), ANNA.attribute("region"));
        assertEquals(Optional.of("customer"), ANNA.attribute("lifecycleStage"));
        assertEquals(Optional.of("2026-12-15"), ANNA.attribute("renewalDate"));
        assertEquals(Optional.of("de"), ANNA.attribute("locale"));
        assertEquals(Optional.of("Anna@Example.com"), ANNA.attribute("email"));
        assertEquals(Optional.of("Retail"), ANNA.attribute("industry"));
        assertEquals(Optional.empty(), ANNA.attribute("size"));
        assertEquals(Optional.empty(), BARE.attribute("renewalDate"));
    }

    @ParameterizedTest
    @CsvSource({"pro,true", "PRO,true", "Pro,true", "basic,false", "'pro ',false", "Pro Plus,false"})
    void equalsIgnoresCase(String value, boolean expected) {
        assertEquals(expected, test(ANNA, "plan", RuleOperator.EQUALS, value));
    }

    @Test
    void equalsOnAFreeAttribute() {
        assertTrue(test(ANNA, "industry", RuleOperator.EQUALS, "retail"));
        assertFalse(test(ANNA, "industry", RuleOperator.EQUALS, "banking"));
    }

    @Test
    void equalsFailsWhenTheAttributeIsMissing() {
        assertFalse(test(BARE, "plan", RuleOperator.EQUALS, "pro"));
        assertFalse(test(ANNA, "size", RuleOperator.EQUALS, "big"));
    }

    @Test
    void notEqualsIgnoresCaseAndHoldsWhenTheAttributeIsMissing() {
        assertFalse(test(ANNA, "plan", RuleOperator.NOT_EQUALS, "pRo"));
        assertTrue(test(ANNA, "plan", RuleOperator.NOT_EQUALS, "basic"));
        assertTrue(test(BARE, "plan", RuleOperator.NOT_EQUALS, "pro"));
    }

    @Test
    void inMatchesOneOfACommaSeparatedListIgnoringCaseAndSpaces() {
        assertTrue(test(ANNA, "plan", RuleOperator.IN, "basic, PRO ,enterprise"));
        assertTrue(test(ANNA, "plan", RuleOperator.IN, ",pro,"));
        assertFalse(test(ANNA, "plan", RuleOperator.IN, "basic,enterprise"));
        assertFalse(test(ANNA, "plan", RuleOperator.IN, "pro plus, prof"));
        assertFalse(test(BARE, "plan", RuleOperator.IN, "basic,pro"));
    }

    @Test
    void notInHoldsForOtherValuesAndWhenTheAttributeIsMissing() {
        assertTrue(test(ANNA, "plan", RuleOperator.NOT_IN, "basic, enterprise"));
        assertFalse(test(ANNA, "plan", RuleOperator.NOT_IN, "basic, pro"));
        assertTrue(test(BARE, "plan", RuleOperator.NOT_IN, "basic, pro"));
    }

    @Test
    void containsIgnoresCase() {
        assertTrue(test(ANNA, "email", RuleOperator.CONTAINS, "@EXAMPLE.com"));
        assertTrue(test(ANNA, "region", RuleOperator.CONTAINS, "eu-"));
        assertFalse(test(ANNA, "email", RuleOperator.CONTAINS, "example.org"));
        assertFalse(test(BARE, "email", RuleOperator.CONTAINS, "@"));
    }

    @Test
    void beforeIsStrict() {
        assertTrue(test(ANNA, "renewalDate", RuleOperator.BEFORE, "2026-12-16"));
        assertFalse(test(ANNA, "renewalDate", RuleOperator.BEFORE, "2026-12-15"));
        assertFalse(test(ANNA, "renewalDate", RuleOperator.BEFORE, "2026-01-01"));
        assertFalse(test(BARE, "renewalDate", RuleOperator.BEFORE, "2099-01-01"));
    }

    @Test
    void afterIsStrict() {
        assertTrue(test(ANNA, "renewalDate", RuleOperator.AFTER, "2026-12-14"));
        assertFalse(test(ANNA, "renewalDate", RuleOperator.AFTER, "2026-12-15"));
        assertFalse(test(ANNA, "renewalDate", RuleOperator.AFTER, "2027-01-01"));
        assertFalse(test(BARE, "renewalDate", RuleOperator.AFTER, "2000-01-01"));
    }

    @Test
    void dateRulesOnAnAttributeThatIsNoDateDoNotHold() {
        assertFalse(test(ANNA, "since", RuleOperator.BEFORE, "2099-01-01"));
        assertFalse(test(ANNA, "since", RuleOperator.AFTER, "2000-01-01"));
        assertFalse(test(ANNA, "since", RuleOperator.WITHIN_DAYS, "9999"));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-23,true",
        "2026-12-23,true",
        "2026-12-01,true",
        "2026-12-24,false",
        "2026-11-22,false",
        "2027-11-23,false"
    })
    void withinDaysCountsFromTheGivenDayInclusive(LocalDate renewal, boolean expected) {
        assertEquals(expected, test(renewing(renewal), "renewalDate", RuleOperator.WITHIN_DAYS, "30"));
    }

    @Test
    void withinDaysIsRelativeToTheDayGivenNotToTheClock() {
        var rule = new SegmentRule("renewalDate", RuleOperator.WITHIN_DAYS, " 7 ");
        Customer customer = renewing(LocalDate.of(2020, 3, 5));
        assertTrue(rule.test(customer, LocalDate.of(2020, 2, 27)));
        assertTrue(rule.test(customer, LocalDate.of(2020, 3, 5)));
        assertFalse(rule.test(customer, LocalDate.of(2020, 2, 26)));
        assertFalse(rule.test(customer, LocalDate.of(2020, 3, 6)));
    }

    @Test
    void withinZeroDaysMeansToday() {
        assertTrue(test(renewing(TODAY), "renewalDate", RuleOperator.WITHIN_DAYS, "0"));
        assertFalse(test(renewing(TODAY.plusDays(1)), "renewalDate", RuleOperator.WITHIN_DAYS, "0"));
        assertFalse(test(BARE, "renewalDate", RuleOperator.WITHIN_DAYS, "365"));
    }

    @Test
    void presentNeedsANonBlankValueAndIgnoresTheRuleValue() {
        assertTrue(test(ANNA, "plan", RuleOperator.PRESENT, null));
        assertTrue(test(ANNA, "industry", RuleOperator.PRESENT, "whatever"));
        assertFalse(test(ANNA, "note", RuleOperator.PRESENT, ""));
        assertFalse(test(BARE, "plan", RuleOperator.PRESENT, ""));
        assertFalse(test(BARE, "email", RuleOperator.PRESENT, ""));
    }

    @Test
    void nullRuleValueIsStoredAsEmpty() {
        assertEquals("", new SegmentRule("plan", RuleOperator.PRESENT, null).value());
    }

    // ---- segments ----

    static Segment segment(SegmentRule... rules) {
        return new Segment("eu-pro", new LocalizedText("EU Pro", "EU pro"), List.of(rules), NOW);
    }

    @Test
    void segmentMatchesWhenEveryRuleHolds() {
        Segment segment = segment(
                new SegmentRule("plan", RuleOperator.EQUALS, "pro"),
                new SegmentRule("region", RuleOperator.CONTAINS, "eu"),
                new SegmentRule("renewalDate", RuleOperator.WITHIN_DAYS, "30"));
        assertTrue(segment.matches(ANNA, TODAY));
        assertFalse(segment.matches(ANNA, LocalDate.of(2026, 11, 1)), "renewal is 44 days ahead of that day");
        assertFalse(segment.matches(BARE, TODAY));
    }

    @Test
    void segmentDoesNotMatchWhenOneRuleFails() {
        Segment segment = segment(
                new SegmentRule("plan", RuleOperator.EQUALS, "pro"),
                new SegmentRule("locale", RuleOperator.EQUALS, "en"));
        assertFalse(segment.matches(ANNA, TODAY));
    }

    @Test
    void segmentWithoutRulesMatchesNobody() {
        assertFalse(segment().matches(ANNA, TODAY));
        assertFalse(segment().matches(BARE, TODAY));
    }

    @Test
    void redefiningASegmentReplacesItsRules() {
        Segment segment = segment(new SegmentRule("plan", RuleOperator.EQUALS, "basic"));
        assertFalse(segment.matches(ANNA, TODAY));
        segment.define(
                new LocalizedText("Alle Pro", "All pro"),
                List.of(new SegmentRule("plan", RuleOperator.IN, "pro")),
                NOW.plusSeconds(60));
        assertTrue(segment.matches(ANNA, TODAY));
        assertEquals(1, segment.rules().size());
        assertEquals(NOW.plusSeconds(60), segment.updatedAt());
    }

    @Test
    void segmentMatchesTheCustomerAsItIsNow() {
        Segment segment = segment(new SegmentRule("plan", RuleOperator.EQUALS, "basic"));
        Customer customer = renewing(TODAY);
        assertTrue(segment.matches(customer, TODAY));
        customer.update(new CustomerProfile("C-3", "Cleo", null, "pro", null, null, null, null, null), NOW);
        assertFalse(segment.matches(customer, TODAY));
    }
}
