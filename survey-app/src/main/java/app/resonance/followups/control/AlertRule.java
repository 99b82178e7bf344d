package app.resonance.followups.control;

import app.resonance.analytics.control.NpsCalculator;
import app.resonance.analytics.control.RollupUpdater.ScoreChange;
import app.resonance.followups.entity.AlertAction;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.AlertRuleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One alert rule as the rules read it: what it looks for ({@link AlertRuleKind}), where (surveys, segments and
 * channels; empty: all), what it does ({@link AlertAction}), its quiet hours (UTC; null: none) and whether it is
 * paused. Pure: the facts of a response come in, whether the rule fires comes out.
 *
 * @param renewalDays a RENEWAL_AT_RISK rule's window, null for the configured default
 * @param trend a SEGMENT_TREND rule's window, significance level and minimum n (its metric is {@code questionType});
 *     null for the other kinds
 */
public record AlertRule(
        long id,
        String name,
        AlertRuleKind kind,
        String questionType,
        Integer threshold,
        Integer renewalDays,
        List<String> keywords,
        Set<Long> surveys,
        Set<Long> segments,
        Set<String> channels,
        AlertAction action,
        LocalTime quietStart,
        LocalTime quietEnd,
        boolean paused,
        Trend trend) {

    /** The default rules seeded by the migration have ids below this; their alerts keep their old dedup keys. */
    public static final long FIRST_CUSTOM_ID = 50;

    public static final List<String> SCORE_TYPES = List.of("NPS", "CSAT", "CES", "RATING");

    /**
     * What a SEGMENT_TREND rule compares: the {@code windowDays} days up to the check's day with the {@code
     * windowDays} before; it fires when the figure fell with p below {@code significance} and both windows have at
     * least {@code minResponses} responses.
     */
    public record Trend(int windowDays, double significance, int minResponses) {
        public static final int DEFAULT_WINDOW_DAYS = 30;
        public static final double DEFAULT_SIGNIFICANCE = 0.05;
        public static final int DEFAULT_MIN_RESPONSES = 30;
        /** The significance levels a rule may choose. */
        public static final List<String> LEVELS = List.of("0.1", "0.05", "0.01", "0.001");
    }

    /** A rule of a kind that looks at responses (no trend settings). */
    public AlertRule(
            long id,
            String name,
            AlertRuleKind kind,
            String questionType,
            Integer threshold,
            Integer renewalDays,
            List<String> keywords,
            Set<Long> surveys,
            Set<Long> segments,
            Set<String> channels,
            AlertAction action,
            LocalTime quietStart,
            LocalTime quietEnd,
            boolean paused) {
        this(
                id,
                name,
                kind,
                questionType,
                threshold,
                renewalDays,
                keywords,
                surveys,
                segments,
                channels,
                action,
                quietStart,
                quietEnd,
                paused,
                null);
    }

    public AlertRule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        surveys = surveys == null ? Set.of() : Set.copyOf(surveys);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    /** What the rules know about the response a score change belongs to. */
    public record Facts(
            long surveyId,
            Set<Long> segments,
            String channel,
            Integer previousNps,
            LocalDate renewal,
            LocalDate today,
            int defaultRenewalDays,
            String comment) {}

    /**
     * Whether this score change can make the rule fire (before its response is read): a LOW_SCORE rule on a score
     * of its question type that came to lie at or below the threshold; the NPS rules on a score that became a
     * detractor's; a KEYWORD rule on any new or changed score (its response is read for the comment); a
     * SEGMENT_TREND rule never (the daily check runs it, {@link SegmentTrends}).
     */
    public boolean triggeredBy(ScoreChange change) {
        if (paused || change.after() == null) {
            return false;
        }
        return switch (kind) {
            case LOW_SCORE ->
                change.questionType().equals(questionType)
                        && threshold != null
                        && change.after() <= threshold
                        && (change.before() == null || change.before() > threshold);
            case PROMOTER_TO_DETRACTOR, RENEWAL_AT_RISK -> becameDetractor(change);
            case KEYWORD -> !keywords.isEmpty();
            case SEGMENT_TREND -> false;
        };
    }

    /** Whether a change on an NPS question made the score a detractor's (new, or from 7-10). */
    public static boolean becameDetractor(ScoreChange change) {
        return "NPS".equals(change.questionType())
                && change.after() != null
                && NpsCalculator.isDetractor(change.after())
                && (change.before() == null || !NpsCalculator.isDetractor(change.before()));
    }

    /** Whether the rule fires on the response a triggering change belongs to. */
    public boolean fires(Facts facts) {
        if (!inScope(facts)) {
            return false;
        }
        return switch (kind) {
            case LOW_SCORE -> true;
            case PROMOTER_TO_DETRACTOR -> facts.previousNps() != null && NpsCalculator.isPromoter(facts.previousNps());
            case RENEWAL_AT_RISK -> {
                int days = renewalDays == null ? facts.defaultRenewalDays() : renewalDays;
                yield facts.renewal() != null
                        && !facts.renewal().isBefore(facts.today())
                        && !facts.renewal().isAfter(facts.today().plusDays(days));
            }
            case KEYWORD -> mentions(facts.comment(), keywords);
            case SEGMENT_TREND -> false;
        };
    }

    boolean inScope(Facts facts) {
        return (surveys.isEmpty() || surveys.contains(facts.surveyId()))
                && (segments.isEmpty() || facts.segments().stream().anyMatch(segments::contains))
                && (channels.isEmpty() || channels.contains(facts.channel()));
    }

    /** Whether the comment contains one of the keywords, ignoring case. */
    public static boolean mentions(String comment, List<String> keywords) {
        if (comment == null || comment.isBlank()) {
            return false;
        }
        String text = comment.toLowerCase(Locale.ROOT);
        return keywords.stream()
                .map(k -> k.strip().toLowerCase(Locale.ROOT))
                .anyMatch(k -> !k.isEmpty() && text.contains(k));
    }

    /** The kind of the alert the rule raises: an NPS LOW_SCORE rule raises DETRACTOR alerts. */
    public AlertKind alertKind() {
        return switch (kind) {
            case LOW_SCORE -> "NPS".equals(questionType) ? AlertKind.DETRACTOR : AlertKind.LOW_SCORE;
            case PROMOTER_TO_DETRACTOR -> AlertKind.PROMOTER_TO_DETRACTOR;
            case RENEWAL_AT_RISK -> AlertKind.RENEWAL_AT_RISK;
            case KEYWORD -> AlertKind.KEYWORD;
            case SEGMENT_TREND -> AlertKind.SEGMENT_DECLINE;
        };
    }

    /**
     * The alert's unique key for this rule and response key: a default rule keeps the key from before rules were
     * data ({@code DETRACTOR:response:42}), a custom one names itself ({@code rule:51:response:42}).
     */
    public String dedupKey(String responseKey) {
        return id < FIRST_CUSTOM_ID ? alertKind() + ":" + responseKey : "rule:" + id + ":" + responseKey;
    }

    /**
     * When the rule's notifications may go out: now, or the end of the quiet hours that now lies in (UTC; a
     * start after the end spans midnight, 22:00-07:00).
     */
    public Instant notifyAt(Instant now) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return now;
        }
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalTime time = at.toLocalTime();
        LocalDate day = at.toLocalDate();
        if (quietStart.isBefore(quietEnd)) {
            boolean quiet = !time.isBefore(quietStart) && time.isBefore(quietEnd);
            return quiet ? day.atTime(quietEnd).toInstant(ZoneOffset.UTC) : now;
        }
        if (!time.isBefore(quietStart)) {
            return day.plusDays(1).atTime(quietEnd).toInstant(ZoneOffset.UTC);
        }
        return time.isBefore(quietEnd) ? day.atTime(quietEnd).toInstant(ZoneOffset.UTC) : now;
    }
}
