package app.resonance.surveys.boundary;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.ConditionOperator;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyStatus;
import app.resonance.surveys.entity.SurveyVersion;
import app.resonance.surveys.entity.VersionState;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Surveys as the API shows them: records bound by JSON-B (absent values are left out, as before), so that
 * the OpenAPI document describes them.
 */
public final class SurveyJson {

    private SurveyJson() {}

    private static final String DATE_TIME = "date-time";

    @Schema(
            name = "Texts",
            description = "A text in German and English and, for respondents, optionally in French, Italian, Spanish,"
                    + " Dutch and Polish (any may be absent while a survey is a draft; publishing requires every"
                    + " language the survey offers)")
    @JsonbPropertyOrder({"de", "en", "fr", "it", "es", "nl", "pl"})
    public record Texts(String de, String en, String fr, String it, String es, String nl, String pl) {

        public Texts(String de, String en) {
            this(de, en, null, null, null, null, null);
        }

        static Texts of(LocalizedText text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            var o = text.others();
            return new Texts(text.de(), text.en(), o.get("fr"), o.get("it"), o.get("es"), o.get("nl"), o.get("pl"));
        }
    }

    @Schema(name = "Condition", description = "Show the question only if an earlier answer matches")
    @JsonbPropertyOrder({"question", "operator", "values"})
    public record ShowIf(String question, ConditionOperator operator, List<String> values) {}

    @Schema(name = "Option", description = "A choice (or a matrix row or column)")
    @JsonbPropertyOrder({"id", "label"})
    public record Option(String id, Texts label) {}

    @Schema(name = "Question", description = "One question of a survey version")
    @JsonbPropertyOrder({
        "id",
        "type",
        "required",
        "page",
        "text",
        "showIf",
        "min",
        "max",
        "minLabel",
        "maxLabel",
        "options",
        "rows"
    })
    public record QuestionBody(
            String id,
            QuestionType type,
            boolean required,
            int page,
            Texts text,
            ShowIf showIf,
            Integer min,
            Integer max,
            Texts minLabel,
            Texts maxLabel,
            List<Option> options,
            List<Option> rows) {}

    @Schema(name = "SurveyDefinition", description = "The definition a respondent's client needs to show and submit")
    @JsonbPropertyOrder({"slug", "kind", "version", "languages", "defaultLanguage", "title", "intro", "questions"})
    public record Definition(
            String slug,
            SurveyKind kind,
            int version,
            List<String> languages,
            String defaultLanguage,
            Texts title,
            Texts intro,
            List<QuestionBody> questions) {}

    @Schema(name = "SurveyVersionInfo", description = "One version of a survey")
    @JsonbPropertyOrder({"version", "state", "createdAt", "publishedAt"})
    public record VersionInfo(int version, VersionState state, String createdAt, String publishedAt) {}

    @Schema(
            name = "SurveySettingsView",
            description = "Schedule, response limit, answer policy, widget origins, hidden fields, contact kind")
    @JsonbPropertyOrder({
        "answerPolicy",
        "allowedOrigins",
        "opensAt",
        "closesAt",
        "responseLimit",
        "hiddenFields",
        "contactKind"
    })
    public record Settings(
            AnswerPolicy answerPolicy,
            List<String> allowedOrigins,
            String opensAt,
            String closesAt,
            Integer responseLimit,
            List<String> hiddenFields,

            @Schema(description = "RELATIONSHIP or TRANSACTIONAL: which contact limit applies besides the overall one")
            ContactKind contactKind) {}

    @Schema(name = "AdminSurvey", description = "A survey's lifecycle, versions and definitions (admin view)")
    @JsonbPropertyOrder({
        "slug",
        "kind",
        "status",
        "anonymous",
        "createdAt",
        "updatedAt",
        "versions",
        "settings",
        "published",
        "draft"
    })
    public record Admin(
            String slug,
            SurveyKind kind,
            SurveyStatus status,
            boolean anonymous,
            String createdAt,
            String updatedAt,
            List<VersionInfo> versions,
            Settings settings,
            Definition published,
            Definition draft) {}

    @Schema(name = "SurveySummary", description = "One line per survey")
    @JsonbPropertyOrder({
        "slug",
        "kind",
        "status",
        "latestVersion",
        "responses",
        "lastResponse",
        "publishedVersion",
        "title"
    })
    public record Summary(
            String slug,
            SurveyKind kind,
            SurveyStatus status,
            int latestVersion,
            long responses,
            String lastResponse,
            Integer publishedVersion,
            Texts title) {}

    /** The definition a respondent's client needs to show and submit a survey version. */
    public static Definition definition(Survey survey, SurveyVersion version) {
        return new Definition(
                survey.slug(),
                survey.kind(),
                version.number(),
                List.copyOf(version.languages()),
                version.defaultLocale(),
                Texts.of(version.title()),
                Texts.of(version.intro()),
                version.questions().stream().map(SurveyJson::question).toList());
    }

    static QuestionBody question(Question question) {
        OptionRole optionRole = question.type() == QuestionType.MATRIX ? OptionRole.COLUMN : OptionRole.OPTION;
        return new QuestionBody(
                question.key(),
                question.type(),
                question.required(),
                question.page(),
                Texts.of(question.text()),
                question.showIf()
                        .map(c -> new ShowIf(c.questionKey(), c.operator(), List.copyOf(c.values())))
                        .orElse(null),
                question.scaleMin(),
                question.scaleMin() == null ? null : question.scaleMax(),
                Texts.of(question.minLabel()),
                Texts.of(question.maxLabel()),
                options(question.options(optionRole)),
                options(question.options(OptionRole.ROW)));
    }

    /** The admin view: lifecycle, every version, and the definitions of the published version and the draft. */
    public static Admin admin(Survey survey) {
        return new Admin(
                survey.slug(),
                survey.kind(),
                survey.status(),
                survey.anonymous(),
                survey.createdAt().toString(),
                survey.updatedAt().toString(),
                survey.versions().stream()
                        .map(v -> new VersionInfo(
                                v.number(),
                                v.state(),
                                v.createdAt().toString(),
                                v.publishedAt() == null ? null : v.publishedAt().toString()))
                        .toList(),
                settings(survey),
                survey.publishedVersion().map(v -> definition(survey, v)).orElse(null),
                survey.draft().map(v -> definition(survey, v)).orElse(null));
    }

    static Settings settings(Survey survey) {
        return new Settings(
                survey.answerPolicy(),
                List.copyOf(survey.allowedOrigins()),
                survey.opensAt().map(Object::toString).orElse(null),
                survey.closesAt().map(Object::toString).orElse(null),
                survey.responseLimit().orElse(null),
                List.copyOf(survey.hiddenFields()),
                survey.contactKind());
    }

    /** One line per survey for lists. */
    public static Summary summary(Survey survey, SurveyCatalog.Activity activity) {
        return new Summary(
                survey.slug(),
                survey.kind(),
                survey.status(),
                survey.latestVersion().number(),
                activity.responses(),
                activity.lastResponse() == null ? null : activity.lastResponse().toString(),
                survey.publishedVersion().map(SurveyVersion::number).orElse(null),
                Texts.of(survey.latestVersion().title()));
    }

    private static List<Option> options(List<QuestionOption> options) {
        if (options.isEmpty()) {
            return null;
        }
        return options.stream()
                .map(o -> new Option(o.code(), Texts.of(o.label())))
                .toList();
    }
}
