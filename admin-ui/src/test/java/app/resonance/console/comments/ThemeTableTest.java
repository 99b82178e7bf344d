package app.resonance.console.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Sentiment;
import app.resonance.analytics.control.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comments page's themes table names segments, months and sentiment shares in the reader's language. */
class ThemeTableTest {

    static final Comments.ThemeSummary SUMMARY = new Comments.ThemeSummary(
            200,
            List.of(new Comments.ThemeCount(
                    Topic.DEFAULTS.get(0),
                    200,
                    ordered(Map.entry("business", 150L), Map.entry("consumer", 50L)),
                    ordered(Map.entry("2025-11", 55L), Map.entry("2025-12", 145L)),
                    Map.of(Sentiment.POSITIVE, 130L, Sentiment.NEGATIVE, 50L, Sentiment.NEUTRAL, 20L),
                    Map.of())),
            Map.of(),
            Map.of("2025-11", 110L, "2025-12", 290L));

    @SafeVarargs
    static <V> Map<String, V> ordered(Map.Entry<String, V>... entries) {
        Map<String, V> map = new LinkedHashMap<>();
        for (var e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    @Test
    void aGermanReaderSeesSegmentNamesMonthsAndShares() {
        ThemeTable.Row row = ThemeTable.rows(
                        SUMMARY,
                        Locale.GERMAN,
                        key -> key.equals("business") ? "Geschäftskunden" : "Privatkunden",
                        s -> switch (s) {
                            case POSITIVE -> "positiv";
                            case NEUTRAL -> "neutral";
                            case NEGATIVE -> "negativ";
                        })
                .get(0);
        assertEquals("SUPPORT", row.theme());
        assertEquals("Support", row.name());
        assertEquals(
                List.of(
                        new ThemeTable.Part("Geschäftskunden", 150, "75 %"),
                        new ThemeTable.Part("Privatkunden", 50, "25 %")),
                row.segments().stream()
                        .map(p -> new ThemeTable.Part(
                                p.label(), p.count(), p.share().replace('\u00a0', ' ')))
                        .toList());
        assertEquals(
                List.of("Nov. 2025", "Dez. 2025"),
                row.months().stream().map(ThemeTable.Part::label).toList());
        assertEquals(
                List.of("positiv 65 %", "neutral 10 %", "negativ 25 %"),
                row.sentiments().stream()
                        .map(p -> p.label() + " " + p.share().replace('\u00a0', ' '))
                        .toList());
    }

    @Test
    void anEnglishReaderSeesEnglishMonthsAndPercentages() {
        ThemeTable.Row row = ThemeTable.rows(
                        SUMMARY, Locale.ENGLISH, key -> key, s -> s.name().toLowerCase())
                .get(0);
        assertEquals(
                List.of("Nov 2025", "Dec 2025"),
                row.months().stream().map(ThemeTable.Part::label).toList());
        assertEquals("65%", row.sentiments().get(0).share());
    }
}
