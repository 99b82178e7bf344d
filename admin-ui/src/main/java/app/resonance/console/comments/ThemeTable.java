package app.resonance.console.comments;

import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Sentiment;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The themes of the matching comments as a reader sees them: per theme its comments per segment (by the
 * segment's name) and per month (the month written in the reader's language), and its sentiment as shares.
 */
public final class ThemeTable {

    private ThemeTable() {}

    /** One figure of a theme: what it is counted by, how many, and its share of the theme's comments. */
    public record Part(String label, long count, String share) implements Serializable {}

    public record Row(
            String theme, String name, long comments, List<Part> segments, List<Part> months, List<Part> sentiments)
            implements Serializable {}

    static List<Row> rows(
            Comments.ThemeSummary summary,
            Locale locale,
            Function<String, String> segmentName,
            Function<Sentiment, String> sentimentName) {
        if (summary == null) {
            return List.of();
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        return summary.themes().stream()
                .map(t -> new Row(
                        t.topic().key(),
                        t.topic().name(locale),
                        t.comments(),
                        parts(t.bySegment(), t.comments(), segmentName, locale),
                        parts(t.byPeriod(), t.comments(), period -> month(period, month), locale),
                        List.of(Sentiment.values()).stream()
                                .map(s -> part(
                                        sentimentName.apply(s),
                                        t.bySentiment().getOrDefault(s, 0L),
                                        t.comments(),
                                        locale))
                                .toList()))
                .toList();
    }

    private static List<Part> parts(
            Map<String, Long> counts, long total, Function<String, String> name, Locale locale) {
        return counts.entrySet().stream()
                .map(e -> part(name.apply(e.getKey()), e.getValue(), total, locale))
                .toList();
    }

    private static Part part(String label, long count, long total, Locale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        return new Part(label, count, percent.format(total == 0 ? 0 : (double) count / total));
    }

    private static String month(String period, DateTimeFormatter format) {
        try {
            return YearMonth.parse(period).format(format);
        } catch (DateTimeParseException e) {
            return period;
        }
    }
}
