package app.resonance.demo.control;

import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.Segment;
import app.resonance.customers.entity.SegmentRule;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.entity.LocalizedText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's small parts: the four published surveys with their questions, the five segments with their rules, and
 * the trend marker of the story. Remembers the ids they got, for the bulk responses and the tasks.
 */
final class DemoSetup {

    private final Connection connection;
    private final IdBlocks ids;
    private final LocalDate today;
    private final LocalDateTime now;
    private final Map<String, Long> surveyIds = new HashMap<>();
    private final Map<String, Long> versionIds = new HashMap<>();
    /** survey slug -> question key -> question id */
    private final Map<String, Map<String, Long>> questionIds = new HashMap<>();
    /** The segments in the order of {@link #segments()}, with their ids. */
    private final Map<Segment, Long> segmentIds = new LinkedHashMap<>();

    DemoSetup(Connection connection, IdBlocks ids, LocalDate today, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.today = today;
        this.now = now;
    }

    long surveyId(String slug) {
        return surveyIds.get(slug);
    }

    long versionId(String slug) {
        return versionIds.get(slug);
    }

    Map<String, Long> questionIds(String slug) {
        return questionIds.get(slug);
    }

    Map<Segment, Long> segmentIds() {
        return segmentIds;
    }

    long segmentId(String key) {
        return segmentIds.entrySet().stream()
                .filter(e -> e.getKey().key().equals(key))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    /** Writes the surveys and segments. */
    void write() throws SQLException {
        for (DemoSurveys.Definition survey : DemoSurveys.all()) {
            survey(survey);
        }
        for (Segment segment : segments()) {
            segmentIds.put(segment, segment(segment));
        }
    }

    /** The action of the story on the Business trend of relationship-nps: the day the recovery starts. */
    void checkInCallsMarker() throws SQLException {
        Jdbc.update(
                connection,
                """
                INSERT INTO trend_marker (id, survey_id, segment_id, marker_date, label, description, created_by,
                 created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                ids.next("trend_marker_seq"),
                surveyId(DemoDataLoader.MARKER_SURVEY),
                segmentId(DemoDataLoader.BUSINESS_SEGMENT),
                today.minusDays(DemoStory.CALLS_START_DAYS_AGO),
                DemoDataLoader.CHECK_IN_CALLS_LABEL,
                DemoDataLoader.CHECK_IN_CALLS_DESCRIPTION,
                "demo",
                now);
    }

    private void survey(DemoSurveys.Definition definition) throws SQLException {
        long surveyId = ids.next("survey_seq");
        long versionId = ids.next("survey_version_seq");
        surveyIds.put(definition.slug(), surveyId);
        versionIds.put(definition.slug(), versionId);
        LocalDateTime created = LocalDateTime.ofInstant(
                today.minusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        Jdbc.update(connection, """
                INSERT INTO survey (id, slug, kind, status, anonymous, published_version_id, created_at, updated_at,
                 row_version) VALUES (?, ?, ?, 'OPEN', FALSE, NULL, ?, ?, 0)""", surveyId, definition.slug(), definition.kind(), created, created);
        Jdbc.update(
                connection,
                """
                INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages, title_de,
                 title_en, intro_de, intro_en, created_at, published_at)
                 VALUES (?, ?, 1, 'PUBLISHED', 'de', 'de,en', ?, ?, ?, ?, ?, ?)""",
                versionId,
                surveyId,
                definition.title().de(),
                definition.title().en(),
                definition.intro().de(),
                definition.intro().en(),
                created,
                created);
        Jdbc.update(connection, "UPDATE survey SET published_version_id = ? WHERE id = ?", versionId, surveyId);
        Map<String, Long> keys = new HashMap<>();
        int position = 0;
        for (DemoSurveys.QuestionDef q : definition.questions()) {
            long questionId = ids.next("question_seq");
            keys.put(q.key(), questionId);
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO question (id, survey_version_id, position, question_key, question_type, required,
                     text_de, text_en, scale_min, scale_max, min_label_de, min_label_en, max_label_de, max_label_en,
                     page_no, show_if_question, show_if_operator, show_if_values)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    questionId,
                    versionId,
                    position++,
                    q.key(),
                    q.type().name(),
                    q.required(),
                    q.text().de(),
                    q.text().en(),
                    q.min(),
                    q.max(),
                    label(q.minLabel(), true),
                    label(q.minLabel(), false),
                    label(q.maxLabel(), true),
                    label(q.maxLabel(), false),
                    q.page(),
                    q.showIf() == null ? null : q.showIf().questionKey(),
                    q.showIf() == null ? null : q.showIf().operator().name(),
                    q.showIf() == null ? null : String.join(",", q.showIf().values()));
            int optionPosition = 0;
            for (DemoSurveys.OptionDef o : q.options()) {
                Jdbc.update(
                        connection,
                        """
                        INSERT INTO question_option (id, question_id, option_role, position, code, label_de, label_en)
                         VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        ids.next("question_option_seq"),
                        questionId,
                        o.role().name(),
                        optionPosition++,
                        o.code(),
                        o.label().de(),
                        o.label().en());
            }
        }
        questionIds.put(definition.slug(), keys);
    }

    private static String label(LocalizedText text, boolean german) {
        return text == null ? null : german ? text.de() : text.en();
    }

    static List<Segment> segments() {
        Instant at = Instant.EPOCH;
        return List.of(
                new Segment(
                        "enterprise-dach",
                        new LocalizedText("Enterprise DACH", "Enterprise DACH"),
                        List.of(
                                new SegmentRule("plan", RuleOperator.EQUALS, "Enterprise"),
                                new SegmentRule("region", RuleOperator.IN, "DE,AT,CH")),
                        at),
                new Segment(
                        "enterprise-international",
                        new LocalizedText("Enterprise international", "Enterprise international"),
                        List.of(
                                new SegmentRule("plan", RuleOperator.EQUALS, "Enterprise"),
                                new SegmentRule("region", RuleOperator.NOT_IN, "DE,AT,CH")),
                        at),
                new Segment(
                        DemoDataLoader.BUSINESS_SEGMENT,
                        new LocalizedText("Business-Tarif", "Business plan"),
                        List.of(new SegmentRule("plan", RuleOperator.EQUALS, "Business")),
                        at),
                new Segment(
                        "starter",
                        new LocalizedText("Starter-Tarif", "Starter plan"),
                        List.of(new SegmentRule("plan", RuleOperator.EQUALS, "Starter")),
                        at),
                new Segment(
                        "onboarding",
                        new LocalizedText("Neukunden im Onboarding", "Customers onboarding"),
                        List.of(new SegmentRule("lifecycleStage", RuleOperator.EQUALS, "Onboarding")),
                        at));
    }

    private long segment(Segment segment) throws SQLException {
        long id = ids.next("segment_seq");
        Jdbc.update(
                connection,
                """
                INSERT INTO segment (id, segment_key, name_de, name_en, created_at, updated_at, row_version)
                 VALUES (?, ?, ?, ?, ?, ?, 0)""",
                id,
                segment.key(),
                segment.name().de(),
                segment.name().en(),
                now,
                now);
        int position = 0;
        for (SegmentRule rule : segment.rules()) {
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO segment_rule (segment_id, position, attr_name, operator, rule_value)
                     VALUES (?, ?, ?, ?, ?)""",
                    id,
                    position++,
                    rule.attribute(),
                    rule.operator().name(),
                    rule.value());
        }
        return id;
    }
}
