package app.resonance.console.surveys;

import app.resonance.console.platform.Faces;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Texts;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.control.SurveyDraft;
import app.resonance.surveys.control.SurveyEditor;
import app.resonance.surveys.control.SurveyTextsCsv;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The survey designer: texts in German and English side by side, questions added, edited, reordered
 * (drag and drop) and deleted, a preview in either language, and the lifecycle (publish, close,
 * reopen, duplicate). Changes stay in the page until "save draft"; a published version is never
 * changed (saving starts a new draft version). The question list being edited is {@link QuestionList},
 * the operational settings form {@link DesignerSettings}.
 */
@Named
@ViewScoped
public class SurveyDesignerView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MAX_TEXTS_FILE = 1024 * 1024;

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    transient SurveyEditor editor;

    private String slug;
    private String kind;
    private String status;
    private int latestNumber;
    private String latestState;
    private boolean anonymous;
    private String titleDe;
    private String titleEn;
    private String introDe;
    private String introEn;
    private List<String> languages;
    /** The title and intro as loaded: a save keeps their languages besides German and English. */
    private Texts titleKept;

    private Texts introKept;
    private String defaultLanguage;
    private final QuestionList questionList = new QuestionList();
    private String copySlug;
    private String previewLanguage = "de";
    private boolean loaded;
    private final DesignerSettings settings = new DesignerSettings();
    /** Per offered language, how many texts of the newest version lack it. */
    private List<Missing> missing = List.of();

    private transient Part textsFile;

    /** How many texts lack a language the survey offers. */
    public record Missing(String language, long texts, long of) implements Serializable {}

    public String load() {
        if (loaded) {
            return null;
        }
        Survey survey = catalog.bySlug(slug).orElse(null);
        if (survey == null) {
            return "/admin/surveys?faces-redirect=true";
        }
        read(survey);
        loaded = true;
        return null;
    }

    private void read(Survey survey) {
        SurveyDraft draft = SurveyEditor.draftOf(survey, survey.latestVersion());
        kind = draft.kind();
        status = survey.status().name();
        latestNumber = survey.latestVersion().number();
        latestState = survey.latestVersion().state().name();
        anonymous = Boolean.TRUE.equals(draft.anonymous());
        titleDe = draft.title() == null ? null : draft.title().de();
        titleEn = draft.title() == null ? null : draft.title().en();
        introDe = draft.intro() == null ? null : draft.intro().de();
        introEn = draft.intro() == null ? null : draft.intro().en();
        titleKept = draft.title();
        introKept = draft.intro();
        languages = draft.languages();
        defaultLanguage = draft.defaultLanguage();
        questionList.replace(draft.questions().stream().map(QuestionModel::of).toList());
        settings.read(survey);
        long texts = SurveyTextsCsv.count(draft);
        missing = SurveyTextsCsv.missing(draft).entrySet().stream()
                .map(e -> new Missing(e.getKey(), e.getValue(), texts))
                .toList();
    }

    /** Saves the operational settings (not versioned: they apply at once). */
    @Transactional
    public void saveSettings() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        try {
            editor.updateSettings(survey, settings.settings(), Faces.messages());
        } catch (SurveyEditor.InvalidSurveyException e) {
            Faces.fieldErrors("designer", e.errors());
            return;
        }
        Faces.info("common.saved");
    }

    public app.resonance.surveys.entity.ConditionOperator[] getConditionOperators() {
        return app.resonance.surveys.entity.ConditionOperator.values();
    }

    public String conditionText(QuestionModel q) {
        if (!q.hasCondition()) {
            return "";
        }
        return Faces.text(
                "designer.showIfSummary",
                q.getShowIfQuestion(),
                Faces.text("condition." + q.getShowIfOperator()),
                q.conditionValues(Faces.locale(), Faces.text("designer.between")));
    }

    SurveyDraft draft() {
        return new SurveyDraft(
                slug,
                kind,
                anonymous,
                java.util.Objects.requireNonNullElse(
                        Texts.edited(titleKept, titleDe, titleEn), Texts.of(titleDe, titleEn)),
                Texts.edited(introKept, introDe, introEn),
                languages,
                defaultLanguage,
                questionList.getQuestions().stream().map(QuestionModel::draft).toList());
    }

    /** The newest version's texts as the translators' CSV (the same file as GET /admin/surveys/{slug}/texts). */
    public void downloadTexts() throws IOException {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        String csv = SurveyTextsCsv.write(SurveyEditor.draftOf(survey, survey.latestVersion()));
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader(
                "Content-Disposition", "attachment; filename=\"resonance-texts-" + survey.slug() + ".csv\"");
        external.getResponseOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
        faces.responseComplete();
    }

    /**
     * Takes a translated file into the draft (a new one if the newest version is published); unsaved changes in the
     * designer above are not part of it. Every error of the file is listed and nothing is stored.
     */
    @Transactional
    public void uploadTexts() {
        String field = "translations:textsFile";
        if (textsFile == null || textsFile.getSize() == 0) {
            Faces.errorAt(field, Faces.text("designer.textsFileMissing"));
            return;
        }
        if (textsFile.getSize() > MAX_TEXTS_FILE) {
            Faces.errorAt(field, Faces.text("designer.textsFileTooLarge", MAX_TEXTS_FILE / 1024 / 1024));
            return;
        }
        String csv;
        try (var in = textsFile.getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Faces.errorAt(field, Faces.text("designer.textsFileMissing"));
            return;
        }
        Survey survey = catalog.bySlug(slug).orElseThrow();
        var read = SurveyTextsCsv.read(csv, SurveyEditor.draftOf(survey, survey.latestVersion()), Faces.messages());
        List<FieldError> errors = read.errors();
        if (errors.isEmpty()) {
            try {
                editor.update(survey, read.draft(), Faces.messages());
            } catch (SurveyEditor.InvalidSurveyException e) {
                errors = e.errors();
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> Faces.errorAt(field, e.message()));
            return;
        }
        read(survey);
        Faces.info("designer.textsTaken", latestNumber);
    }

    public List<Missing> getMissing() {
        return missing;
    }

    public String languageName(String code) {
        return Faces.languageName(code);
    }

    public Part getTextsFile() {
        return textsFile;
    }

    public void setTextsFile(Part textsFile) {
        this.textsFile = textsFile;
    }

    @Transactional
    public void saveDraft() {
        if (save() != null) {
            Faces.info("designer.draftSaved", latestNumber);
        }
    }

    private Survey save() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        try {
            editor.update(survey, draft(), Faces.messages());
        } catch (SurveyEditor.InvalidSurveyException e) {
            Faces.fieldErrors("designer", e.errors());
            return null;
        }
        read(survey);
        return survey;
    }

    @Transactional
    public void publish() {
        Survey survey = save();
        if (survey == null) {
            return;
        }
        try {
            var version = editor.publish(survey, Faces.messages());
            read(survey);
            Faces.info("designer.published", version.number());
        } catch (SurveyEditor.InvalidSurveyException e) {
            Faces.fieldErrors("designer", e.errors());
        }
    }

    @Transactional
    public void close() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        editor.close(survey);
        status = survey.status().name();
        Faces.info("designer.closed");
    }

    @Transactional
    public void reopen() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        editor.reopen(survey);
        status = survey.status().name();
        Faces.info("designer.reopened");
    }

    @Transactional
    public String duplicate() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        try {
            Survey copy = editor.duplicate(survey, copySlug == null ? null : copySlug.strip(), Faces.messages());
            Faces.info("designer.duplicated");
            return "/admin/manage/designer?faces-redirect=true&slug=" + copy.slug();
        } catch (SurveyEditor.InvalidSurveyException e) {
            Faces.fieldErrors("designer", e.errors());
        } catch (SurveyEditor.SlugTakenException e) {
            Faces.fieldErrors("designer", List.of(Faces.messages().error("slug", "duplicate")));
        }
        return null;
    }

    public QuestionType[] getTypes() {
        return QuestionType.values();
    }

    public boolean isPublished() {
        return !"DRAFT".equals(status);
    }

    public String getStatusText() {
        return Faces.text(
                "designer.status", Faces.text("status." + status), latestNumber, Faces.text("version." + latestState));
    }

    public String previewTitle() {
        return "de".equals(previewLanguage) ? titleDe : titleEn;
    }

    public String previewIntro() {
        return "de".equals(previewLanguage) ? introDe : introEn;
    }

    public String label(OptionModel option) {
        return option.label(previewLanguage);
    }

    public DesignerSettings getSettings() {
        return settings;
    }

    public QuestionList getQuestionList() {
        return questionList;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getStatus() {
        return status;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public String getTitleDe() {
        return titleDe;
    }

    public void setTitleDe(String titleDe) {
        this.titleDe = titleDe;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getIntroDe() {
        return introDe;
    }

    public void setIntroDe(String introDe) {
        this.introDe = introDe;
    }

    public String getIntroEn() {
        return introEn;
    }

    public void setIntroEn(String introEn) {
        this.introEn = introEn;
    }

    public List<QuestionModel> getQuestions() {
        return questionList.getQuestions();
    }

    public QuestionModel getEditing() {
        return questionList.getEditing();
    }

    public String getCopySlug() {
        return copySlug;
    }

    public void setCopySlug(String copySlug) {
        this.copySlug = copySlug;
    }

    public String getPreviewLanguage() {
        return previewLanguage;
    }

    public void setPreviewLanguage(String previewLanguage) {
        this.previewLanguage = "en".equals(previewLanguage) ? "en" : "de";
    }
}
