package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.TestDatabases;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Comments of the demo on H2 and PostgreSQL: search, theme filter, paging and theme counts agree. */
class CommentsOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void commentsAreSearchablePagedAndCountedByTheme(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoData.load(dataSource, RollupsOnBothDatabasesTest.TODAY, RollupsOnBothDatabasesTest.NOW);
        Fixture fixture = new Fixture(dataSource);
        long survey = fixture.surveyId("relationship-nps");
        Comments comments = new Comments(dataSource);

        var search = comments.page(
                new CommentFilter(survey, null, null, null, null, null, "CHECK-IN", null), BERLIN, 0, 500);
        long expected = fixture.count("SELECT COUNT(*) FROM answer a JOIN response r ON r.id = a.response_id"
                + " WHERE r.survey_id = " + survey + " AND LOWER(a.text_value) LIKE '%check-in%'");
        assertTrue(expected > 50, "the demo has check-in comments: " + expected);
        assertEquals(expected, search.total());
        assertEquals(Math.min(500, expected), search.comments().size());
        for (var c : search.comments()) {
            assertTrue(c.text().toLowerCase().contains("check-in"), c.text());
            assertEquals(List.of("COMMUNICATION"), c.themes());
            assertEquals(Sentiment.POSITIVE, c.sentiment());
            assertTrue(c.score() >= 9, "the thankful comments come with promoter scores: " + c.score());
            assertEquals("nps", c.scoreQuestion());
            assertTrue(c.customer().startsWith("C-"));
        }

        var summary = comments.themes(
                new CommentFilter(survey, null, null, null, null, null, null, null), BERLIN, Granularity.QUARTER);
        assertEquals(
                fixture.count("SELECT COUNT(*) FROM answer a JOIN response r ON r.id = a.response_id"
                        + " WHERE r.survey_id = " + survey + " AND a.text_value IS NOT NULL"),
                summary.comments());
        var support = summary.themes().stream()
                .filter(t -> t.topic().key().equals("SUPPORT"))
                .findFirst()
                .orElseThrow();
        assertTrue(support.bySentiment().get(Sentiment.NEGATIVE) > 100, "complaints about support: " + support);
        // The topic the demo admin added finds the complaints about waiting for support, in both languages.
        var waiting = summary.themes().stream()
                .filter(t -> t.topic().key().equals("WAITING_TIME"))
                .findFirst()
                .orElseThrow();
        assertTrue(waiting.comments() > 50, "waiting for support: " + waiting);
        assertTrue(waiting.comments() <= support.comments(), "the waiting is about support: " + waiting);
        assertEquals(
                waiting.comments(),
                waiting.bySentiment().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertTrue(support.bySentiment().get(Sentiment.POSITIVE) > 100, "and praise: " + support);
        assertEquals(
                support.comments(),
                support.bySentiment().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        support.bySegment().values().forEach(n -> assertTrue(n <= support.comments()));
        assertEquals(
                support.comments(),
                support.byPeriod().values().stream().mapToLong(Long::longValue).sum());

        // The theme filter finds exactly the comments the counts counted, page by page, newest first.
        var filter = new CommentFilter(survey, null, null, null, null, null, null, "SUPPORT");
        var first = comments.page(filter, BERLIN, 0, 40);
        var second = comments.page(filter, BERLIN, 40, 40);
        assertEquals(support.comments(), first.total());
        assertEquals(40, first.comments().size());
        var ids = new HashSet<String>();
        java.time.Instant previous = java.time.Instant.MAX;
        for (var c : java.util.stream.Stream.concat(first.comments().stream(), second.comments().stream())
                .toList()) {
            assertTrue(c.themes().contains("SUPPORT"), c.text());
            assertTrue(ids.add(c.responseId() + c.questionKey()), "no comment twice");
            assertTrue(!c.submittedAt().isAfter(previous), "newest first");
            previous = c.submittedAt();
        }
    }
}
