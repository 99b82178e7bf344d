package app.resonance.demo.control;

import app.resonance.analytics.control.TrendMarkers;
import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.control.ConditionDraft;
import app.resonance.surveys.control.OptionDraft;
import app.resonance.surveys.control.QuestionDraft;
import app.resonance.surveys.control.SurveyDraft;
import app.resonance.surveys.control.SurveyEditor;
import app.resonance.surveys.control.SurveySettings;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's small parts, written through the control classes the admin API uses: the four surveys (created and
 * published with the {@link SurveyEditor} four hundred days ago), the five segments ({@link SegmentEditor}) and the
 * trend marker of the story ({@link TrendMarkers}). Remembers the entities, for the bulk responses and the tasks.
 */
final class DemoSetup {

    private static final Messages MESSAGES = Messages.of(Locale.ENGLISH);

    /** The demo survey whose links carry hidden fields: where the respondent came from and the ticket. */
    static final String HIDDEN_FIELDS_SURVEY = "post-support-csat";

    static final Set<String> TRANSACTIONAL_SURVEYS = Set.of("post-support-csat", "support-effort-ces");

    private final EntityManager em;
    private final LocalDate today;
    private final Instant now;
    private final Map<String, Survey> surveys = new HashMap<>();
    /** The segments in the order of {@link #segments()}. */
    private final Map<Segment, Long> segmentIds = new LinkedHashMap<>();

    DemoSetup(EntityManager em, LocalDate today, Instant now) {
        this.em = em;
        this.today = today;
        this.now = now;
    }

    long surveyId(String slug) {
        return surveys.get(slug).id();
    }

    long versionId(String slug) {
        return published(slug).id();
    }

    /** question key -> question id of the survey's published version */
    Map<String, Long> questionIds(String slug) {
        Map<String, Long> ids = new HashMap<>();
        for (Question q : published(slug).questions()) {
            ids.put(q.key(), q.id());
        }
        return ids;
    }

    private SurveyVersion published(String slug) {
        return surveys.get(slug).publishedVersion().orElseThrow();
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

    /** Creates and publishes the surveys, defines the segments, and writes them to the database. */
    void write() {
        Instant created = today.minusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant();
        SurveyEditor editor = SurveyEditor.on(em, Clock.fixed(created, ZoneOffset.UTC));
        for (DemoSurveys.Definition definition : DemoSurveys.all()) {
            try {
                Survey survey = editor.create(draft(definition), MESSAGES);
                editor.publish(survey, MESSAGES);
                if (HIDDEN_FIELDS_SURVEY.equals(definition.slug())) {
                    editor.updateSettings(
                            survey,
                            new SurveySettings(
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    List.of("source", "ticket_id"),
                                    ContactKind.TRANSACTIONAL.name()),
                            MESSAGES);
                }
                if (TRANSACTIONAL_SURVEYS.contains(definition.slug())) {
                    // asked after a support case: their own, shorter contact limit
                    survey.classify(ContactKind.TRANSACTIONAL);
                }
                surveys.put(definition.slug(), survey);
            } catch (SurveyEditor.InvalidSurveyException e) {
                throw new IllegalStateException("Demo survey " + definition.slug() + ": " + e.errors(), e);
            }
        }
        SegmentEditor segmentEditor = SegmentEditor.on(em, Clock.fixed(now, ZoneOffset.UTC));
        for (SegmentDraft draft : segments()) {
            Segment segment = segmentEditor.save(draft.key(), draft, MESSAGES);
            segmentIds.put(segment, segment.id());
        }
        em.flush();
    }

    /** The action of the story on the Business trend of relationship-nps: the day the recovery starts. */
    void checkInCallsMarker() {
        TrendMarkers.on(em, Clock.fixed(now, ZoneOffset.UTC))
                .add(
                        surveys.get(DemoDataLoader.MARKER_SURVEY),
                        segmentIds.keySet().stream()
                                .filter(s -> s.key().equals(DemoDataLoader.BUSINESS_SEGMENT))
                                .findFirst()
                                .orElseThrow(),
                        today.minusDays(DemoStory.CALLS_START_DAYS_AGO),
                        DemoDataLoader.CHECK_IN_CALLS_LABEL,
                        DemoDataLoader.CHECK_IN_CALLS_DESCRIPTION,
                        "demo");
    }

    /** A demo survey as the admin API would take it. */
    static SurveyDraft draft(DemoSurveys.Definition definition) {
        List<QuestionDraft> questions = definition.questions().stream()
                .map(q -> new QuestionDraft(
                        q.key(),
                        q.type().name(),
                        q.required(),
                        texts(q.text()),
                        q.type() == QuestionType.RATING ? q.min() : null,
                        q.type() == QuestionType.RATING ? q.max() : null,
                        texts(q.minLabel()),
                        texts(q.maxLabel()),
                        options(q, OptionRole.OPTION, OptionRole.COLUMN),
                        options(q, OptionRole.ROW, OptionRole.ROW),
                        q.page(),
                        q.showIf() == null
                                ? null
                                : new ConditionDraft(
                                        q.showIf().questionKey(),
                                        q.showIf().operator().name(),
                                        List.copyOf(q.showIf().values()))))
                .toList();
        return new SurveyDraft(
                definition.slug(),
                definition.kind(),
                false,
                texts(definition.title()),
                texts(definition.intro()),
                languages(definition),
                "de",
                questions);
    }

    /** German and English, and the further languages the survey's title is written in. */
    static List<String> languages(DemoSurveys.Definition definition) {
        List<String> languages = new java.util.ArrayList<>(List.of("de", "en"));
        languages.addAll(definition.title().others().keySet());
        return List.copyOf(languages);
    }

    private static List<OptionDraft> options(DemoSurveys.QuestionDef q, OptionRole role, OptionRole or) {
        return q.options().stream()
                .filter(o -> o.role() == role || o.role() == or)
                .map(o -> new OptionDraft(o.code(), texts(o.label())))
                .toList();
    }

    private static Texts texts(LocalizedText text) {
        return Texts.of(text);
    }

    static List<SegmentDraft> segments() {
        return List.of(
                segment(
                        "enterprise-dach",
                        "Enterprise DACH",
                        "Enterprise DACH",
                        rule("plan", "EQUALS", "Enterprise"),
                        rule("region", "IN", "DE,AT,CH")),
                segment(
                        "enterprise-international",
                        "Enterprise international",
                        "Enterprise international",
                        rule("plan", "EQUALS", "Enterprise"),
                        rule("region", "NOT_IN", "DE,AT,CH")),
                segment(
                        DemoDataLoader.BUSINESS_SEGMENT,
                        "Business-Tarif",
                        "Business plan",
                        rule("plan", "EQUALS", "Business")),
                segment("starter", "Starter-Tarif", "Starter plan", rule("plan", "EQUALS", "Starter")),
                segment(
                        "onboarding",
                        "Neukunden im Onboarding",
                        "Customers onboarding",
                        rule("lifecycleStage", "EQUALS", "Onboarding")));
    }

    private static SegmentDraft segment(String key, String de, String en, SegmentDraft.Rule... rules) {
        return new SegmentDraft(key, Texts.of(de, en), List.of(rules));
    }

    private static SegmentDraft.Rule rule(String attribute, String operator, String value) {
        return new SegmentDraft.Rule(attribute, operator, value);
    }
}
