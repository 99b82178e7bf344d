package app.resonance.surveys.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.Condition;
import app.resonance.surveys.entity.ConditionOperator;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Designs surveys: creates them, writes drafts (a published version is never touched: editing it
 * starts a new draft), publishes, closes and reopens. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class SurveyEditor {

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveyCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public SurveyEditor() {}

    SurveyEditor(EntityManager em, SurveyCatalog catalog, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * An editor outside the container (a test, the demo loader) on this entity manager, in its transaction, with
     * this clock and without an audit log.
     */
    public static SurveyEditor on(EntityManager em, Clock clock) {
        return new SurveyEditor(em, new SurveyCatalog(em), clock);
    }

    /** Creates a survey with the draft as its first version. */
    public Survey create(SurveyDraft draft, Messages messages) {
        List<FieldError> errors = SurveyDraftValidator.validate(draft, true, messages);
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(errors);
        }
        if (catalog.bySlug(draft.slug()).isPresent()) {
            throw new SlugTakenException(draft.slug());
        }
        Instant now = clock.instant();
        Survey survey =
                new Survey(draft.slug(), SurveyKind.valueOf(draft.kind()), Boolean.TRUE.equals(draft.anonymous()), now);
        describe(survey.latestVersion(), draft);
        em.persist(survey);
        em.flush();
        audit(survey, "created", AuditDetail.of("kind", AuditDetail.text("kind", survey.kind())));
        return survey;
    }

    /** A new survey in draft with the texts and questions of the given one's newest version. */
    public Survey duplicate(Survey original, String newSlug, Messages messages) {
        SurveyDraft copy = draftOf(original, original.latestVersion());
        Survey survey = create(
                new SurveyDraft(
                        newSlug,
                        copy.kind(),
                        copy.anonymous(),
                        copy.title(),
                        copy.intro(),
                        copy.languages(),
                        copy.defaultLanguage(),
                        copy.questions()),
                messages);
        audit(survey, "duplicated", AuditDetail.of("copyOf", original.slug()));
        return survey;
    }

    /** A version's definition as a draft, to edit it or to start another survey from it. */
    public static SurveyDraft draftOf(Survey survey, SurveyVersion version) {
        List<QuestionDraft> questions = version.questions().stream()
                .map(q -> {
                    OptionRole role = q.type() == QuestionType.MATRIX ? OptionRole.COLUMN : OptionRole.OPTION;
                    return new QuestionDraft(
                            q.key(),
                            q.type().name(),
                            q.required(),
                            Texts.of(q.text()),
                            q.type() == QuestionType.RATING ? q.scaleMin() : null,
                            q.type() == QuestionType.RATING ? q.scaleMax() : null,
                            Texts.of(q.minLabel()),
                            Texts.of(q.maxLabel()),
                            options(q.options(role)),
                            q.type() == QuestionType.MATRIX ? options(q.options(OptionRole.ROW)) : List.of(),
                            q.page(),
                            q.showIf()
                                    .map(c -> new ConditionDraft(
                                            c.questionKey(), c.operator().name(), List.copyOf(c.values())))
                                    .orElse(null));
                })
                .toList();
        return new SurveyDraft(
                survey.slug(),
                survey.kind().name(),
                survey.anonymous(),
                Texts.of(version.title()),
                Texts.of(version.intro()),
                version.languages(),
                version.defaultLocale(),
                questions);
    }

    private static List<OptionDraft> options(List<QuestionOption> options) {
        return options.stream()
                .map(o -> new OptionDraft(o.code(), Texts.of(o.label())))
                .toList();
    }

    private void audit(Survey survey, String action, AuditDetail... details) {
        if (audit != null) {
            audit.record(AuditArea.SURVEY, survey.slug(), action, details);
        }
    }

    /** Replaces the draft of a survey with this definition; starts a new draft if the newest version is published. */
    public SurveyVersion update(Survey survey, SurveyDraft draft, Messages messages) {
        List<FieldError> errors = SurveyDraftValidator.validate(draft, false, messages);
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(errors);
        }
        if (draft.anonymous() != null) {
            survey.anonymous(draft.anonymous());
        }
        SurveyVersion version = survey.editableDraft(clock.instant());
        boolean stored = version.id() != null;
        version.clearQuestions();
        if (stored) {
            // Delete the old questions before the new ones (with the same ids) are inserted.
            em.flush();
        }
        describe(version, draft);
        em.flush();
        changed(survey);
        audit(survey, "draftSaved", AuditDetail.of("version", version.number()));
        return version;
    }

    /** Publishes the draft after checking that every offered language has all its texts. */
    public SurveyVersion publish(Survey survey, Messages messages) {
        SurveyVersion draft = survey.draft().orElseThrow(() -> new NoDraftException(survey.slug()));
        List<FieldError> errors = SurveyDraftValidator.validateForPublish(draft, messages);
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(errors);
        }
        SurveyVersion published = survey.publish(clock.instant());
        em.flush();
        changed(survey);
        audit(survey, "published", AuditDetail.of("version", published.number()));
        return published;
    }

    /** Changes the operational settings; they apply at once, to every version. */
    public void updateSettings(Survey survey, SurveySettings settings, Messages messages) {
        List<FieldError> errors = SurveySettingsValidator.validate(settings, messages);
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(errors);
        }
        survey.configure(
                settings.opensAt(),
                settings.closesAt(),
                settings.responseLimit(),
                settings.answerPolicy() == null ? null : AnswerPolicy.valueOf(settings.answerPolicy()),
                settings.allowedOrigins() == null
                        ? List.of()
                        : settings.allowedOrigins().stream()
                                .map(SurveySettingsValidator::origin)
                                .toList(),
                clock.instant());
        survey.declareHiddenFields(settings.hiddenFields());
        survey.classify(settings.contactKind() == null ? null : ContactKind.valueOf(settings.contactKind()));
        em.flush();
        changed(survey);
        audit(
                survey,
                "settingsChanged",
                AuditDetail.of(
                        "surveySettings",
                        settings.opensAt(),
                        settings.closesAt(),
                        settings.responseLimit(),
                        AuditDetail.text("policy", survey.answerPolicy()),
                        survey.allowedOrigins().isEmpty() ? null : String.join(", ", survey.allowedOrigins())),
                AuditDetail.of(
                        "hiddenFields",
                        survey.hiddenFields().isEmpty() ? null : String.join(", ", survey.hiddenFields())),
                AuditDetail.of("contactKind", AuditDetail.text("contactKind", survey.contactKind())));
    }

    public void close(Survey survey) {
        requirePublished(survey);
        survey.close(clock.instant());
        changed(survey);
        audit(survey, "closed");
    }

    public void reopen(Survey survey) {
        requirePublished(survey);
        survey.reopen(clock.instant());
        changed(survey);
        audit(survey, "reopened");
    }

    /** This instance's public paths see the change with the commit, not after the catalog's next check. */
    private void changed(Survey survey) {
        if (catalog != null) {
            catalog.changed(survey.slug());
        }
    }

    private static void requirePublished(Survey survey) {
        if (survey.publishedVersion().isEmpty()) {
            throw new NoDraftException(survey.slug());
        }
    }

    static void describe(SurveyVersion version, SurveyDraft draft) {
        List<String> languages = draft.languages() == null || draft.languages().isEmpty()
                ? SurveyDraftValidator.LANGUAGES
                : draft.languages();
        String defaultLanguage = draft.defaultLanguage() == null ? languages.get(0) : draft.defaultLanguage();
        version.describe(entity(draft.title()), entity(draft.intro()), languages, defaultLanguage);
        if (draft.questions() == null) {
            return;
        }
        for (QuestionDraft q : draft.questions()) {
            QuestionType type = QuestionType.valueOf(q.type());
            Question question =
                    version.addQuestion(q.id(), type, q.required() == null || q.required(), entity(q.text()));
            Integer min = type == QuestionType.RATING ? (q.min() == null ? Integer.valueOf(1) : q.min()) : null;
            Integer max = type == QuestionType.RATING ? (q.max() == null ? Integer.valueOf(5) : q.max()) : null;
            question.scale(min, max, entity(q.minLabel()), entity(q.maxLabel()));
            Condition showIf = q.showIf() == null
                    ? null
                    : new Condition(
                            q.showIf().question(),
                            ConditionOperator.valueOf(q.showIf().operator()),
                            q.showIf().values());
            question.placed(q.page() == null ? 1 : q.page(), showIf);
            OptionRole optionRole = type == QuestionType.MATRIX ? OptionRole.COLUMN : OptionRole.OPTION;
            if (q.options() != null) {
                q.options().forEach(o -> question.addOption(optionRole, o.id(), entity(o.label())));
            }
            if (q.rows() != null) {
                q.rows().forEach(o -> question.addOption(OptionRole.ROW, o.id(), entity(o.label())));
            }
        }
    }

    private static app.resonance.platform.entity.LocalizedText entity(Texts texts) {
        return texts == null ? null : texts.toEntity();
    }

    /** The definition breaks a rule; the errors name the fields. */
    public static class InvalidSurveyException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidSurveyException(List<FieldError> errors) {
            super("Invalid survey definition");
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Another survey has this slug. */
    public static class SlugTakenException extends RuntimeException {
        private final String slug;

        public SlugTakenException(String slug) {
            super("Slug taken: " + slug);
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /** Publishing without a draft, or closing or reopening a survey that was never published. */
    public static class NoDraftException extends RuntimeException {
        private final String slug;

        public NoDraftException(String slug) {
            super("Wrong state for survey " + slug);
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }
}
