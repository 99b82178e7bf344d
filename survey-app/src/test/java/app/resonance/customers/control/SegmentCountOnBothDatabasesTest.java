package app.resonance.customers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.SegmentRule;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segment counts come from SQL; on H2 and on PostgreSQL they equal what the Java rules say for every
 * customer, for every operator on standard fields, dates and free attributes, including missing values,
 * mixed case, LIKE wildcards in values and text that is not a date.
 */
class SegmentCountOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

    static final List<List<SegmentRule>> DEFINITIONS = List.of(
            List.of(rule("plan", RuleOperator.EQUALS, "business")),
            List.of(rule("plan", RuleOperator.NOT_EQUALS, "Business")),
            List.of(rule("region", RuleOperator.IN, "dach, Nordics")),
            List.of(rule("region", RuleOperator.NOT_IN, "DACH,")),
            List.of(rule("region", RuleOperator.IN, " , ")),
            List.of(rule("email", RuleOperator.CONTAINS, "EXAMPLE")),
            List.of(rule("email", RuleOperator.CONTAINS, "a_b%")),
            List.of(rule("renewalDate", RuleOperator.BEFORE, "2027-01-01")),
            List.of(rule("renewalDate", RuleOperator.AFTER, "2026-12-01")),
            List.of(rule("renewalDate", RuleOperator.WITHIN_DAYS, "30")),
            List.of(rule("renewalDate", RuleOperator.CONTAINS, "-12-")),
            List.of(rule("renewalDate", RuleOperator.PRESENT, "")),
            List.of(rule("lifecycleStage", RuleOperator.PRESENT, "")),
            List.of(rule("locale", RuleOperator.EQUALS, "DE")),
            List.of(rule("industry", RuleOperator.EQUALS, "retail")),
            List.of(rule("industry", RuleOperator.NOT_EQUALS, "retail")),
            List.of(rule("industry", RuleOperator.PRESENT, "")),
            List.of(rule("contractEnd", RuleOperator.BEFORE, "2027-06-01")),
            List.of(rule("contractEnd", RuleOperator.WITHIN_DAYS, "90")),
            List.of(rule("contractEnd", RuleOperator.AFTER, "2026-12-31")),
            List.of(rule("plan", RuleOperator.EQUALS, "business"), rule("region", RuleOperator.EQUALS, "dach")),
            List.of(rule("plan", RuleOperator.IN, "starter,business"), rule("industry", RuleOperator.NOT_IN, "retail")),
            List.of());

    static SegmentRule rule(String attribute, RuleOperator operator, String value) {
        return new SegmentRule(attribute, operator, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sqlCountsEqualTheJavaRulesForEveryOperator(String database) {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            List<CustomerProfile> profiles = customers();
            em.getTransaction().begin();
            new CustomerDirectory(em, clock).upsertAll(profiles);
            em.getTransaction().commit();
            em.clear();

            List<Customer> stored =
                    em.createQuery("SELECT c FROM Customer c", Customer.class).getResultList();
            assertEquals(profiles.size(), stored.size());
            SegmentCatalog catalog = new SegmentCatalog(em);
            int nonTrivial = 0;
            for (List<SegmentRule> rules : DEFINITIONS) {
                long expected = stored.stream()
                        .filter(c -> !rules.isEmpty() && rules.stream().allMatch(r -> r.test(c, TODAY)))
                        .count();
                assertEquals(expected, catalog.count(rules, TODAY), database + " " + describe(rules));
                if (expected > 0 && expected < stored.size()) {
                    nonTrivial++;
                }
            }
            assertTrue(nonTrivial >= 15, "the data tells the definitions apart: " + nonTrivial);
            em.close();
        } finally {
            emf.close();
        }
    }

    static String describe(List<SegmentRule> rules) {
        return rules.stream()
                .map(r -> r.attribute() + " " + r.operator() + " '" + r.value() + "'")
                .toList()
                .toString();
    }

    /** 400 customers with a spread of plans, regions, case, dates, missing values and odd attributes. */
    static List<CustomerProfile> customers() {
        Random random = new Random(7);
        String[] plans = {"Business", "business", "Starter", "Enterprise", null};
        String[] regions = {"DACH", "dach", "Nordics", "UK", null};
        String[] emails = {"x@example.com", "A_B%c@Example.org", "ab@test.io", null};
        String[] stages = {"onboarding", " ", null};
        String[] locales = {"de", "DE", "en", null};
        String[] industries = {"Retail", "retail", "Banking", null};
        String[] contractEnds = {"2026-12-10", "2027-03-01", "2027-08-01", "soon", "2026-1-5", null};
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, String> attributes = new HashMap<>();
            String industry = industries[random.nextInt(industries.length)];
            if (industry != null) {
                attributes.put("industry", industry);
            }
            String contractEnd = contractEnds[random.nextInt(contractEnds.length)];
            if (contractEnd != null) {
                attributes.put("contractEnd", contractEnd);
            }
            LocalDate renewal = random.nextInt(5) == 0 ? null : TODAY.plusDays(random.nextInt(120) - 30);
            profiles.add(new CustomerProfile(
                    "C-" + i,
                    "Customer " + i,
                    emails[random.nextInt(emails.length)],
                    plans[random.nextInt(plans.length)],
                    regions[random.nextInt(regions.length)],
                    stages[random.nextInt(stages.length)],
                    renewal,
                    locales[random.nextInt(locales.length)],
                    attributes));
        }
        return profiles;
    }
}
