package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.distribution.control.RespondentMix.Verdict;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who answered a wave, counted on H2 and PostgreSQL: a wave of 40 reached customers (20 on each of two plans) and
 * one not yet sent, 10 Enterprise and 2 Business customers answered. By hand: 12 of 40 answered, expected 6 and 14
 * per plan, chi-square = 2 (16/6 + 16/14) = 7.619048, df 1, p = 0.005775: skewed towards Enterprise.
 */
class WhoAnsweredOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final long WAVE = 777_777L;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWaveThatEnterpriseCustomersAnsweredMoreIsSkewedByPlan(String database) throws Exception {
        DataSource dataSource = DemoData.migratedWithDemo(database, TODAY, NOW);
        long survey;
        try (Connection c = dataSource.getConnection()) {
            survey = Jdbc.number(c, "SELECT id FROM survey WHERE slug = ?", "relationship-nps");
            List<Long> customers = longs(c, "SELECT id FROM customer ORDER BY id", 41);
            List<Long> responses = longs(c, "SELECT id FROM response WHERE invitation_id IS NULL ORDER BY id", 12);
            LocalDateTime at = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
            Jdbc.update(
                    c,
                    "INSERT INTO invitation_wave (id, survey_id, audience, invited, skipped_recent, skipped_no_email,"
                            + " created_by, created_at) VALUES (?, ?, 'test', 41, 0, 0, 'admin', ?)",
                    WAVE,
                    survey,
                    at);
            for (int i = 0; i < 41; i++) {
                long customer = customers.get(i);
                Jdbc.update(
                        c,
                        "UPDATE customer SET plan = ?, region = 'DACH', lifecycle_stage = NULL WHERE id = ?",
                        i < 20 ? "Enterprise" : "Business",
                        customer);
                Jdbc.update(
                        c,
                        "INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        WAVE + i,
                        survey,
                        customer,
                        WAVE,
                        "who-answered-" + i,
                        at,
                        i == 40 ? null : at);
            }
            // Answered: invitations 0-9 (Enterprise) and 20-21 (Business).
            for (int i = 0; i < 12; i++) {
                long invitation = WAVE + (i < 10 ? i : 20 + i - 10);
                Jdbc.update(c, "UPDATE response SET invitation_id = ? WHERE id = ?", invitation, responses.get(i));
            }
        }
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            List<RespondentMix> mixes = new WhoAnswered(em).of(survey, WAVE).orElseThrow();
            assertEquals(
                    List.of("plan", "region", "lifecycleStage"),
                    mixes.stream().map(RespondentMix::dimension).toList());

            RespondentMix plan = mixes.get(0);
            assertEquals(
                    List.of("Business 20 2", "Enterprise 20 10"),
                    plan.groups().stream()
                            .map(g -> g.value() + " " + g.reached() + " " + g.answered())
                            .toList());
            assertEquals(7.619048, plan.chiSquare(), 1e-6);
            assertEquals(0.005775, plan.pValue(), 1e-6);
            assertEquals(Verdict.SKEWED, plan.verdict());

            assertEquals(Verdict.TOO_FEW, mixes.get(1).verdict(), "one region: nothing to compare");
            assertEquals(40, mixes.get(2).groups().get(0).reached(), "customers without a stage, the unsent left out");
            assertEquals(null, mixes.get(2).groups().get(0).value());

            assertTrue(new WhoAnswered(em).of(survey + 1_000, WAVE).isEmpty(), "not a wave of another survey");
            em.close();
        } finally {
            emf.close();
        }
    }

    static List<Long> longs(Connection c, String sql, int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next() && ids.size() < limit) {
                ids.add(rs.getLong(1));
            }
        }
        assertEquals(limit, ids.size(), sql);
        return ids;
    }
}
