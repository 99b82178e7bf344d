package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response browser's query on H2 and PostgreSQL: newest first by keyset, equal times ordered by id, a page
 * boundary unmoved by a response arriving meanwhile; each filter (version, customer, band, search, topic, days)
 * narrows to exactly the responses it names; an anonymous survey's rows name no customer.
 */
class ResponseBrowserOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private long nextAnswer = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesNewestFirstAndStayPutWhileResponsesArrive(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c, false);
            // 101..105; 103 and 104 share their time: the higher id is newer in the list.
            response(c, 101, 2, null, DAY.atTime(9, 0), 9, "Great product");
            response(c, 102, 2, null, DAY.atTime(10, 0), 3, null);
            response(c, 103, 2, null, DAY.atTime(11, 0), 7, null);
            response(c, 104, 2, null, DAY.atTime(11, 0), 10, null);
            response(c, 105, 2, null, DAY.atTime(12, 0), 0, "Support answered kindly");
        }
        ResponseBrowser browser = new ResponseBrowser(dataSource);
        BrowseFilter all = filter(null, null, false);
        var first = browser.page(all, BERLIN, null, 2);
        assertEquals(List.of(105L, 104L), ids(first));
        assertEquals(
                List.of(0, 10),
                first.rows().stream().map(ResponseBrowser.Row::score).toList());
        assertEquals("Support answered kindly", first.rows().get(0).comment());
        assertEquals(List.of("SUPPORT"), first.rows().get(0).topics());
        assertNotNull(first.next());
        try (Connection c = dataSource.getConnection()) {
            response(c, 106, 2, null, DAY.atTime(13, 0), 8, null); // arrives while the first page is read
        }
        var second = browser.page(
                all,
                BERLIN,
                ResponseBrowser.Cursor.decode(first.next().encode()).orElseThrow(),
                2);
        assertEquals(List.of(103L, 102L), ids(second));
        var third = browser.page(all, BERLIN, second.next(), 2);
        assertEquals(List.of(101L), ids(third));
        assertNull(third.next());
        assertEquals(List.of(106L, 105L, 104L, 103L, 102L, 101L), ids(browser.page(all, BERLIN, null, 100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachFilterNamesExactlyItsResponses(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c, false);
            customer(c, 70, "C-70");
            response(c, 201, 2, 70L, DAY.atTime(9, 0), 2, "SUPPORT was slow, nobody answered");
            response(c, 202, 3, null, DAY.atTime(10, 0), 5, "Unsupported export format, 100% broken");
            response(c, 203, 3, 70L, DAY.atTime(11, 0), 9, "The price is fair");
            response(c, 204, 3, null, DAY.plusDays(1).atTime(9, 0), 6, null);
        }
        ResponseBrowser browser = new ResponseBrowser(dataSource);
        assertEquals(List.of(204L, 202L, 201L), ids(browser.page(band(0, 6), BERLIN, null, 10)));
        assertEquals(List.of(203L), ids(browser.page(band(9, 10), BERLIN, null, 10)));
        assertEquals(List.of(203L, 201L), ids(browser.page(filter(null, 70L, false), BERLIN, null, 10)));
        assertEquals(List.of(204L, 203L, 202L), ids(browser.page(filter(3L, null, false), BERLIN, null, 10)));
        assertEquals(List.of(202L, 201L), ids(browser.page(search("support"), BERLIN, null, 10)));
        assertEquals(List.of(202L), ids(browser.page(search("100%"), BERLIN, null, 10)));
        // "Unsupported" contains "support" inside, no compound part: the analyzer decides.
        assertEquals(List.of(201L), ids(browser.page(topic("SUPPORT"), BERLIN, null, 10)));
        assertEquals(List.of(203L), ids(browser.page(topic("PRICE"), BERLIN, null, 10)));
        var oneDay = new BrowseFilter(
                new CommentFilter(1L, DAY, DAY, null, null, null, null, null), false, null, null, "nps", null, null);
        assertEquals(List.of(203L, 202L, 201L), ids(browser.page(oneDay, BERLIN, null, 10)));
        assertEquals(
                "C-70",
                browser.page(filter(null, 70L, false), BERLIN, null, 1)
                        .rows()
                        .get(0)
                        .customer());
        assertNull(browser.page(filter(null, 70L, true), BERLIN, null, 1)
                .rows()
                .get(0)
                .customer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aTopicPageIsFilledAcrossBatchesOfCandidates(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        int candidates = ResponseBrowser.TOPIC_BATCH + 5;
        try (Connection c = dataSource.getConnection()) {
            survey(c, false);
            // Newest first: many comments that SQL finds but the topic rule rejects, then two that match.
            for (int i = 0; i < candidates; i++) {
                response(c, 1000 + i, 2, null, DAY.atTime(8, 0).plusSeconds(i + 10), 5, "unsupported " + i);
            }
            response(c, 301, 2, null, DAY.atTime(8, 0).plusSeconds(2), 5, "support slow");
            response(c, 302, 2, null, DAY.atTime(8, 0).plusSeconds(1), 5, "support kind");
        }
        ResponseBrowser browser = new ResponseBrowser(dataSource);
        var page = browser.page(topic("SUPPORT"), BERLIN, null, 1);
        assertEquals(List.of(301L), ids(page));
        var rest = browser.page(topic("SUPPORT"), BERLIN, page.next(), 1);
        assertEquals(List.of(302L), ids(rest));
        assertNull(rest.next());
    }

    private static BrowseFilter filter(Long versionId, Long customerId, boolean anonymous) {
        return new BrowseFilter(conditions(null, null), anonymous, versionId, customerId, "nps", null, null);
    }

    private static BrowseFilter band(int low, int high) {
        return new BrowseFilter(conditions(null, null), false, null, null, "nps", low, high);
    }

    private static BrowseFilter search(String text) {
        return BrowseFilter.of(conditions(text, null), false);
    }

    private static BrowseFilter topic(String theme) {
        return BrowseFilter.of(conditions(null, theme), false);
    }

    private static CommentFilter conditions(String search, String theme) {
        return new CommentFilter(1L, null, null, null, null, null, search, theme);
    }

    private static List<Long> ids(ResponseBrowser.Page page) {
        return page.rows().stream().map(ResponseBrowser.Row::id).toList();
    }

    private static void survey(Connection c, boolean anonymous) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        Jdbc.update(
                c,
                "INSERT INTO survey (id, slug, kind, status, anonymous, created_at, updated_at)"
                        + " VALUES (1, 'x', 'NPS', 'OPEN', ?, ?, ?)",
                anonymous,
                now,
                now);
        String version = "INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages,"
                + " created_at) VALUES (?, 1, ?, 'PUBLISHED', 'en', 'de,en', ?)";
        Jdbc.update(c, version, 2L, 1, now);
        Jdbc.update(c, version, 3L, 2, now);
        String question = "INSERT INTO question (id, survey_version_id, position, question_key, question_type,"
                + " required) VALUES (?, ?, ?, ?, ?, FALSE)";
        Jdbc.update(c, question, 10L, 2L, 1, "nps", "NPS");
        Jdbc.update(c, question, 11L, 2L, 2, "why", "LONG_TEXT");
        Jdbc.update(c, question, 20L, 3L, 1, "nps", "NPS");
        Jdbc.update(c, question, 21L, 3L, 2, "why", "LONG_TEXT");
    }

    private static void customer(Connection c, long id, String externalId) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        Jdbc.update(
                c,
                "INSERT INTO customer (id, external_id, name, created_at, updated_at) VALUES (?, ?, 'N', ?, ?)",
                id,
                externalId,
                now,
                now);
    }

    private void response(
            Connection c, long id, long version, Long customer, LocalDateTime berlin, int score, String text)
            throws Exception {
        LocalDateTime utc =
                berlin.atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Jdbc.update(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at) VALUES (?, 1, ?, ?, 'LINK', 'en', 'COMPLETE', ?, ?, ?)",
                id,
                version,
                customer,
                utc,
                utc,
                utc);
        long offset = version == 2 ? 0 : 10;
        Jdbc.update(
                c,
                "INSERT INTO answer (id, response_id, question_id, score) VALUES (?, ?, ?, ?)",
                nextAnswer++,
                id,
                10 + offset,
                score);
        if (text != null) {
            Jdbc.update(
                    c,
                    "INSERT INTO answer (id, response_id, question_id, text_value) VALUES (?, ?, ?, ?)",
                    nextAnswer++,
                    id,
                    11 + offset,
                    text);
        }
    }
}
