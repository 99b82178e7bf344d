package app.resonance.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A small, exact data set written with SQL, for tests of the JDBC parts on both databases. */
public final class SampleData {

    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private SampleData() {}

    public static void sql(Connection c, String sql, Object... params) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(
                        i + 1, params[i] instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : params[i]);
            }
            s.execute();
        }
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A fresh, migrated database of this kind ("h2" or "postgres") with the sample seeded and its survey
     * published (version 1): what the tests of the public paths start from.
     */
    public static javax.sql.DataSource publishedSurvey(String kind) throws SQLException {
        javax.sql.DataSource dataSource = TestDatabases.fresh(kind);
        app.resonance.platform.control.DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            seed(c);
            sql(c, "UPDATE survey SET published_version_id = 1");
            c.commit();
        }
        return dataSource;
    }

    /** A survey with an NPS and a comment question, and one response with its CREATED event at T0. */
    public static void seed(Connection c) throws SQLException {
        sql(
                c,
                "INSERT INTO survey (id, slug, kind, status, anonymous, created_at, updated_at) VALUES (1, 'nps', 'NPS', 'OPEN', FALSE, ?, ?)",
                T0,
                T0);
        sql(
                c,
                "INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages, created_at)"
                        + " VALUES (1, 1, 1, 'PUBLISHED', 'de', 'de,en', ?)",
                T0);
        sql(
                c,
                "INSERT INTO question (id, survey_version_id, position, question_key, question_type, required)"
                        + " VALUES (1, 1, 0, 'nps', 'NPS', TRUE), (2, 1, 1, 'why', 'LONG_TEXT', FALSE)");
        sql(
                c,
                "INSERT INTO customer (id, external_id, name, created_at, updated_at) VALUES (1, 'C-1', 'Anna', ?, ?)",
                T0,
                T0);
        sql(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at) VALUES (7, 1, 1, 1, 'API', 'de', 'COMPLETE', ?, ?, ?)",
                T0,
                T0,
                T0);
        sql(
                c,
                "INSERT INTO answer (id, response_id, question_id, score, text_value) VALUES (1, 7, 1, 3, NULL), (2, 7, 2, NULL, 'Zu <b>langsam</b>')");
        sql(
                c,
                "INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at) VALUES (100, 7, 1, 'CREATED', ?)",
                T0);
        sql(
                c,
                "INSERT INTO webhook_event (id, response_id, survey_id, kind, occurred_at) VALUES (100, 7, 1, 'CREATED', ?)",
                T0);
        sql(
                c,
                "INSERT INTO webhook_endpoint (id, url, secret, active, created_at) VALUES"
                        + " (1, 'https://crm.example.com/hook', 'whsec_1', TRUE, ?),"
                        + " (2, 'https://late.example.com/hook', 'whsec_2', TRUE, ?)",
                T0.minusSeconds(60),
                T0.plusSeconds(60));
        c.commit();
    }
}
