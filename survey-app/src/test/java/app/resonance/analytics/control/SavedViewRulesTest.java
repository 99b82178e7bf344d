package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A saved view's own rules (name, relative period or fixed dates) and the input it stands for on a day. */
class SavedViewRulesTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    static SavedViews.Draft draft(String name, String period, String from, String to) {
        return new SavedViews.Draft(
                name, "relationship-nps", null, null, "business", null, null, "MONTH", period, from, to);
    }

    @Test
    void relativePeriodsEndTodayAndStartTheirLengthBefore() {
        assertEquals(LocalDate.parse("2026-11-08"), RelativePeriod.LAST_30_DAYS.from(TODAY));
        assertEquals(LocalDate.parse("2026-09-09"), RelativePeriod.LAST_90_DAYS.from(TODAY));
        assertEquals(LocalDate.parse("2026-06-08"), RelativePeriod.LAST_6_MONTHS.from(TODAY));
        // 2025-12-08 .. 2026-12-07: 365 days, the dashboard's default year
        assertEquals(LocalDate.parse("2025-12-08"), RelativePeriod.LAST_12_MONTHS.from(TODAY));
        assertEquals(LocalDate.parse("2024-12-08"), RelativePeriod.LAST_24_MONTHS.from(TODAY));
    }

    @Test
    void aRelativeViewIsTheTrendsInputOverItsDaysUpToToday() {
        AnalyticsQuery.Input in = SavedViews.input(draft("Business NPS", "last_12_months", null, null), TODAY);
        assertEquals("2025-12-08", in.from());
        assertEquals("2026-12-07", in.to());
        assertEquals("relationship-nps", in.survey());
        assertEquals("business", in.segment());
        assertNull(in.metric());
        assertEquals(
                "survey=relationship-nps&segment=business&granularity=MONTH&from=2025-12-08&to=2026-12-07",
                in.queryString(false));
        AnalyticsQuery.Input fixed = SavedViews.input(draft("Q1", null, "2026-01-01", "2026-03-31"), TODAY);
        assertEquals("2026-01-01", fixed.from());
        assertEquals("2026-03-31", fixed.to());
    }

    @Test
    void aViewNeedsANameAndEitherAPeriodOrBothDates() {
        assertEquals(List.of(), SavedViews.checkOwn(draft("Business NPS", "LAST_12_MONTHS", null, null), EN));
        assertEquals(List.of(), SavedViews.checkOwn(draft("Q1", null, "2026-01-01", "2026-03-31"), EN));

        List<FieldError> errors = SavedViews.checkOwn(draft(" ", null, null, "2026-03-31"), EN);
        assertEquals(
                List.of("name", "from"), errors.stream().map(FieldError::field).toList());

        FieldError both = SavedViews.checkOwn(draft("x", "LAST_30_DAYS", "2026-01-01", null), EN)
                .get(0);
        assertEquals("period", both.field());
        assertEquals("Give either a relative period or from and to, not both.", both.message());

        FieldError unknown =
                SavedViews.checkOwn(draft("x", "LAST_WEEK", null, null), EN).get(0);
        assertEquals("period", unknown.field());
        assertEquals("oneOf", unknown.code());

        FieldError tooLong = SavedViews.checkOwn(draft("n".repeat(101), "LAST_30_DAYS", null, null), EN)
                .get(0);
        assertEquals("name", tooLong.field());
        assertEquals("tooLong", tooLong.code());
    }
}
