package app.resonance.surveys.boundary;

import app.resonance.platform.control.Jsonp;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Writes surveys as the API shows them. */
public final class SurveyJson {

    private SurveyJson() {}

    /** The definition a respondent's client needs to show and submit a survey version. */
    public static JsonObject definition(Survey survey, SurveyVersion version) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("slug", survey.slug())
                .add("kind", survey.kind().name())
                .add("version", version.number())
                .add("languages", Jsonp.createArrayBuilder(version.languages()))
                .add("defaultLanguage", version.defaultLocale());
        addTexts(json, "title", version.title());
        addTexts(json, "intro", version.intro());
        JsonArrayBuilder questions = Jsonp.createArrayBuilder();
        for (Question question : version.questions()) {
            questions.add(question(question));
        }
        return json.add("questions", questions).build();
    }

    static JsonObject question(Question question) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", question.key())
                .add("type", question.type().name())
                .add("required", question.required())
                .add("page", question.page());
        addTexts(json, "text", question.text());
        question.showIf()
                .ifPresent(c -> json.add(
                        "showIf",
                        Jsonp.createObjectBuilder()
                                .add("question", c.questionKey())
                                .add("operator", c.operator().name())
                                .add("values", Jsonp.createArrayBuilder(c.values()))));
        if (question.scaleMin() != null) {
            json.add("min", question.scaleMin()).add("max", question.scaleMax());
        }
        addTexts(json, "minLabel", question.minLabel());
        addTexts(json, "maxLabel", question.maxLabel());
        OptionRole optionRole = question.type() == app.resonance.surveys.entity.QuestionType.MATRIX
                ? OptionRole.COLUMN
                : OptionRole.OPTION;
        addOptions(json, "options", question.options(optionRole));
        addOptions(json, "rows", question.options(OptionRole.ROW));
        return json.build();
    }

    /** The admin view: lifecycle, every version, and the definitions of the published version and the draft. */
    public static JsonObject admin(Survey survey) {
        JsonArrayBuilder versions = Jsonp.createArrayBuilder();
        for (SurveyVersion version : survey.versions()) {
            JsonObjectBuilder v = Jsonp.createObjectBuilder()
                    .add("version", version.number())
                    .add("state", version.state().name())
                    .add("createdAt", version.createdAt().toString());
            if (version.publishedAt() != null) {
                v.add("publishedAt", version.publishedAt().toString());
            }
            versions.add(v);
        }
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("slug", survey.slug())
                .add("kind", survey.kind().name())
                .add("status", survey.status().name())
                .add("anonymous", survey.anonymous())
                .add("createdAt", survey.createdAt().toString())
                .add("updatedAt", survey.updatedAt().toString())
                .add("versions", versions)
                .add("settings", settings(survey));
        survey.publishedVersion().ifPresent(v -> json.add("published", definition(survey, v)));
        survey.draft().ifPresent(v -> json.add("draft", definition(survey, v)));
        return json.build();
    }

    static JsonObject settings(Survey survey) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("answerPolicy", survey.answerPolicy().name())
                .add("allowedOrigins", Jsonp.createArrayBuilder(survey.allowedOrigins()));
        survey.opensAt().ifPresent(t -> json.add("opensAt", t.toString()));
        survey.closesAt().ifPresent(t -> json.add("closesAt", t.toString()));
        survey.responseLimit().ifPresent(n -> json.add("responseLimit", n));
        return json.build();
    }

    /** One line per survey for lists. */
    public static JsonObject summary(Survey survey, SurveyCatalog.Activity activity) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("slug", survey.slug())
                .add("kind", survey.kind().name())
                .add("status", survey.status().name())
                .add("latestVersion", survey.latestVersion().number())
                .add("responses", activity.responses());
        if (activity.lastResponse() != null) {
            json.add("lastResponse", activity.lastResponse().toString());
        }
        survey.publishedVersion().ifPresent(v -> json.add("publishedVersion", v.number()));
        addTexts(json, "title", survey.latestVersion().title());
        return json.build();
    }

    private static void addOptions(JsonObjectBuilder json, String name, List<QuestionOption> options) {
        if (options.isEmpty()) {
            return;
        }
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (QuestionOption option : options) {
            JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", option.code());
            addTexts(o, "label", option.label());
            array.add(o);
        }
        json.add(name, array);
    }

    static void addTexts(JsonObjectBuilder json, String name, LocalizedText text) {
        if (text == null || text.isBlank()) {
            return;
        }
        JsonObjectBuilder texts = Jsonp.createObjectBuilder();
        if (text.de() != null) {
            texts.add("de", text.de());
        }
        if (text.en() != null) {
            texts.add("en", text.en());
        }
        json.add(name, texts);
    }
}
