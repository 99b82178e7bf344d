package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.surveys.entity.QuestionType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The response browser's inputs: each bad one named, the score bands' ranges and the cursor's round trip. */
class BrowseQueryTest {

    private static BrowseQuery.Result read(String survey, BrowseQuery.Input in) {
        return BrowseQuery.read(
                AnalyticsQuery.readFilters(
                        AnalyticsQueryTest.input(survey), BrowseQuery.DEFAULT_DAYS, AnalyticsQueryTest.context()),
                in,
                external -> external.equals("C-1") ? Optional.of(1L) : Optional.empty(),
                Set.of("SUPPORT", "PRICE")::contains);
    }

    @Test
    void everyBadInputIsNamedOnce() {
        var result = read(
                "relationship-nps",
                new BrowseQuery.Input("9", "fan", "WEATHER!", "x".repeat(201), "C-404", "not a cursor", "101"));
        assertEquals(
                List.of(
                        new AnalyticsQuery.Complaint("version", "unknownVersion"),
                        new AnalyticsQuery.Complaint("band", "oneOf", "detractor, passive, promoter"),
                        new AnalyticsQuery.Complaint("topic", "topicKey"),
                        new AnalyticsQuery.Complaint("q", "tooLong", BrowseQuery.MAX_SEARCH),
                        new AnalyticsQuery.Complaint("customer", "unknownCustomer"),
                        new AnalyticsQuery.Complaint("cursor", "invalidCursor"),
                        new AnalyticsQuery.Complaint("limit", "range", 1, BrowseQuery.MAX_LIMIT)),
                result.complaints());
        assertNull(result.browse());
    }

    @Test
    void aTopicIsFoundInAnyCaseAndAnUndefinedOneIsNamed() {
        // a defined topic in lower case is not named (the page size is, so that nothing else is built here)
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("limit", "range", 1, BrowseQuery.MAX_LIMIT)),
                read("relationship-nps", new BrowseQuery.Input(null, null, " support ", null, null, null, "0"))
                        .complaints());
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("topic", "unknownTopic")),
                read("relationship-nps", new BrowseQuery.Input(null, null, "weather", null, null, null, null))
                        .complaints());
    }

    @Test
    void anAnonymousSurveyIsNotSearchedByCustomerAndASurveyWithoutScoresHasNoBands() {
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("customer", "anonymousSurvey")),
                read("pulse", new BrowseQuery.Input(null, null, null, null, "C-1", null, null))
                        .complaints());
        var unknown = read("nowhere", new BrowseQuery.Input(null, null, null, null, null, null, null));
        assertEquals(List.of(new AnalyticsQuery.Complaint("survey", "unknownSurvey")), unknown.complaints());
    }

    @Test
    void theBandsCoverTheScalesAsTheCrosstabCountsThem() {
        ScoreBands nps = ScoreBands.of(QuestionType.NPS, null, null);
        assertArrayEquals(new int[] {0, 6}, nps.range("detractor"));
        assertArrayEquals(new int[] {7, 8}, nps.range("passive"));
        assertArrayEquals(new int[] {9, 10}, nps.range("promoter"));
        assertArrayEquals(
                new int[] {4, 5}, ScoreBands.of(QuestionType.CSAT, null, null).range("satisfied"));
        assertArrayEquals(
                new int[] {5, 7}, ScoreBands.of(QuestionType.CES, null, null).range("easy"));
        assertArrayEquals(
                new int[] {3, 3}, ScoreBands.of(QuestionType.RATING, 1, 5).range("3"));
        assertNull(nps.range("fan"));
    }

    @Test
    void aCursorComesBackAsItWentOut() {
        var cursor = new ResponseBrowser.Cursor(LocalDateTime.of(2026, 3, 10, 8, 0, 1, 123_456_000), 42);
        assertEquals(Optional.of(cursor), ResponseBrowser.Cursor.decode(cursor.encode()));
        assertTrue(ResponseBrowser.Cursor.decode("MjAyNg").isEmpty(), "base64 of a text that is no cursor");
    }
}
