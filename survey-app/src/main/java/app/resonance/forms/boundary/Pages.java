package app.resonance.forms.boundary;

import app.resonance.forms.control.Piping;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.FormValues;
import app.resonance.responses.control.Visibility;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds what the templates show for one visit: the frame, a page of questions, or a message. */
final class Pages {

    static final List<String> UI_KEYS = List.of(
            "language",
            "required",
            "errorsTitle",
            "next",
            "back",
            "submit",
            "honeypot",
            "resumeHint",
            "resumeLink",
            "privacyNote",
            "privacyLink");

    private final HttpServletRequest request;
    private final Visit visit;
    private final String stamp;

    Pages(HttpServletRequest request, Visit visit, String stamp) {
        this.request = request;
        this.visit = visit;
        this.stamp = stamp;
    }

    /**
     * The language of a page: the one asked for with {@code ?lang=}, else the browser's preference, else
     * the survey's default; always one the survey is offered in.
     */
    static String language(HttpServletRequest request, SurveyVersion version) {
        List<String> offered = version == null ? Messages.RESPONDENT_LANGUAGES : version.languages();
        String asked = request.getParameter("lang");
        if (asked != null && offered.contains(asked)) {
            return asked;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (offered.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        if (version != null && offered.contains(version.defaultLocale())) {
            return version.defaultLocale();
        }
        return offered.isEmpty() ? "en" : offered.get(0);
    }

    static Map<String, String> texts(Messages messages) {
        Map<String, String> t = new LinkedHashMap<>();
        UI_KEYS.forEach(key -> t.put(key, messages.get("form." + key)));
        return t;
    }

    static FormView.Frame frame(
            HttpServletRequest request, String lang, SurveyVersion version, String pageTitle, String selfPath) {
        Messages messages = Messages.respondent(lang);
        List<FormView.Language> languages = new ArrayList<>();
        List<String> offered = version == null ? List.of() : version.languages();
        for (String code : offered) {
            String href = selfPath + (selfPath.contains("?") ? "&" : "?") + "lang=" + code;
            languages.add(new FormView.Language(
                    code, Messages.LANGUAGE_NAMES.getOrDefault(code, code), href, code.equals(lang)));
        }
        String privacy = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("resonance.privacy.url", String.class)
                .orElse(request.getContextPath() + "/privacy?lang=" + lang);
        return new FormView.Frame(
                lang, request.getContextPath(), pageTitle, languages.size() > 1, languages, texts(messages), privacy);
    }

    static FormView.Message message(
            HttpServletRequest request,
            String lang,
            SurveyVersion version,
            String key,
            FormView.Link link,
            Object... args) {
        Messages messages = Messages.respondent(lang);
        String heading = messages.get(key + ".heading");
        String self = request.getContextPath()
                + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String query = request.getParameter("done") != null ? "?done=1" : "";
        return new FormView.Message(
                frame(request, lang, version, heading, self + query), heading, messages.get(key + ".text", args), link);
    }

    FormView.Message message(String key, FormView.Link link) {
        return message(request, visit.lang(), visit.version(), key, link);
    }

    String pageHref(String path, int page) {
        return request.getContextPath() + path + "?page=" + page + "&lang=" + visit.lang();
    }

    /** The page to show: the one asked for if the respondent has reached it, else the furthest reached. */
    int allowedPage(int requested, FormValues stored, Response answer) {
        Visibility visibility = new Visibility(visit.version(), stored);
        List<Integer> pages = visibility.pages();
        if (answer != null && answer.status() == app.resonance.responses.entity.ResponseStatus.COMPLETE) {
            // Changing a complete response: every page may be visited, starting with the first.
            return pages.contains(requested) ? requested : visibility.first();
        }
        int reached = answer == null ? visibility.first() : answer.pageReached();
        if (pages.contains(requested) && requested <= reached) {
            return requested;
        }
        return pages.stream().filter(p -> p <= reached).reduce((a, b) -> b).orElse(visibility.first());
    }

    FormView.Form formWithNotice(int page, FormValues values, String notice) {
        return build(page, values, List.of(), null, notice);
    }

    FormView.Form form(int page, FormValues values, List<FieldError> errors, Integer oneClickScore) {
        String notice = oneClickScore == null ? null : visit.messages().get("form.scoreHint", oneClickScore);
        return build(page, values, errors, oneClickScore, notice);
    }

    private FormView.Form build(
            int page, FormValues values, List<FieldError> errors, Integer oneClickScore, String notice) {
        SurveyVersion version = visit.version();
        String lang = visit.lang();
        Messages messages = visit.messages();
        Visibility visibility = new Visibility(version, values);
        List<Integer> pages = visibility.pages();
        int index = Math.max(1, pages.indexOf(page) + 1);
        Map<String, String> errorByKey = new LinkedHashMap<>();
        Map<String, String> codeByKey = new LinkedHashMap<>();
        for (FieldError error : errors) {
            errorByKey.putIfAbsent(questionKey(error.field()), error.message());
            codeByKey.putIfAbsent(questionKey(error.field()), error.code());
        }
        List<FormView.Question> questions = new ArrayList<>();
        List<FormView.ErrorLink> links = new ArrayList<>();
        for (Question question : visibility.renderedOn(page)) {
            FormView.Question view = question(question, values, errorByKey.get(question.key()), visibility);
            questions.add(view);
            if (view.error() != null) {
                // the summary names the question; the message next to the field stays as it is
                String summary = "required".equals(codeByKey.get(question.key()))
                        ? messages.get("form.pleaseAnswer", view.text())
                        : messages.get("form.errorOf", view.text(), view.error());
                links.add(new FormView.ErrorLink("#" + firstInputId(view), summary));
            }
        }
        String title = Optional.ofNullable(Piping.text(version.title(), lang))
                .orElse(visit.survey().slug());
        String pageTitle = (links.isEmpty() ? "" : messages.get("form.errorPrefix") + " ") + title;
        String self = request.getContextPath() + visit.path() + "?page=" + page
                + (oneClickScore == null ? "" : "&score=" + oneClickScore) + FormRequests.query(visit.hiddenFields());
        boolean anonymousResumable = visit.invitation() == null && visit.response() != null;
        String backHref = visit.response() == null
                ? null
                : visibility.before(page).map(p -> pageHref(visit.path(), p)).orElse(null);
        return new FormView.Form(
                frame(request, lang, version, pageTitle, self),
                title,
                index == 1 ? Piping.text(version.intro(), lang) : null,
                pages.size() > 1,
                messages.get("form.progress", index, pages.size()),
                index,
                Math.max(1, pages.size()),
                !links.isEmpty(),
                links,
                notice,
                request.getContextPath() + visit.path(),
                page,
                stamp,
                visit.invitation() == null && visit.response() == null ? visit.resumeToken() : null,
                oneClickScore == null
                        ? null
                        : new FormView.OneClick(oneClickScore, messages.get("form.scoreSaved", oneClickScore)),
                questions,
                backHref,
                visibility.after(page).isEmpty(),
                anonymousResumable ? request.getContextPath() + visit.path() : null,
                FormRequests.hiddenInputs(visit.hiddenFields()));
    }

    /** "answers.nps", "answers.features[1]", "answers.aspects.speed": the question's key. */
    static String questionKey(String field) {
        String rest = field.startsWith("answers.") ? field.substring("answers.".length()) : field;
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return rest.substring(0, end);
    }

    private static String firstInputId(FormView.Question q) {
        if (q.matrix() && !q.rows().isEmpty() && !q.rows().get(0).cells().isEmpty()) {
            return q.rows().get(0).cells().get(0).id();
        }
        if (!q.options().isEmpty()) {
            return q.options().get(0).id();
        }
        return q.id();
    }

    private FormView.Question question(Question q, FormValues values, String error, Visibility visibility) {
        String lang = visit.lang();
        String id = "q-" + q.key();
        String name = "q." + q.key();
        QuestionType type = q.type();
        String text = Piping.render(
                Piping.text(q.text(), lang),
                lang,
                visit.version(),
                values,
                visit.customerName(),
                visit.eventAttributes());
        List<FormView.Option> options = new ArrayList<>();
        List<FormView.Row> rows = new ArrayList<>();
        String minLabel = Piping.text(q.minLabel(), lang);
        String maxLabel = Piping.text(q.maxLabel(), lang);
        List<String> chosen = values.values(name);
        if (type.isScale()) {
            for (int v = q.scaleMin(); v <= q.scaleMax(); v++) {
                String value = Integer.toString(v);
                String sr = v == q.scaleMin() ? minLabel : v == q.scaleMax() ? maxLabel : null;
                options.add(new FormView.Option(id + "-" + v, name, value, value, sr, chosen.contains(value)));
            }
        } else if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE) {
            for (QuestionOption o : q.options(OptionRole.OPTION)) {
                options.add(new FormView.Option(
                        id + "-" + o.code(),
                        name,
                        o.code(),
                        Piping.text(o.label(), lang),
                        null,
                        chosen.contains(o.code())));
            }
        } else if (type == QuestionType.MATRIX) {
            for (QuestionOption row : q.options(OptionRole.ROW)) {
                String rowName = name + "." + row.code();
                String picked = values.first(rowName);
                List<FormView.Option> cells = new ArrayList<>();
                for (QuestionOption column : q.options(OptionRole.COLUMN)) {
                    cells.add(new FormView.Option(
                            id + "-" + row.code() + "-" + column.code(),
                            rowName,
                            column.code(),
                            Piping.text(column.label(), lang),
                            null,
                            column.code().equals(picked)));
                }
                rows.add(new FormView.Row(Piping.text(row.label(), lang), cells));
            }
        }
        var condition = visibility.dependsOnSamePage(q) ? q.showIf().orElse(null) : null;
        return new FormView.Question(
                id,
                name,
                text,
                q.required(),
                error,
                id + "-error",
                !type.isText(),
                type.isScale(),
                type == QuestionType.SINGLE_CHOICE,
                type == QuestionType.MULTIPLE_CHOICE,
                type == QuestionType.MATRIX,
                type == QuestionType.SHORT_TEXT,
                type == QuestionType.LONG_TEXT,
                options,
                options.size(),
                type.isScale() && (minLabel != null || maxLabel != null),
                minLabel,
                maxLabel,
                rows,
                type.isText() ? values.first(name) : null,
                type == QuestionType.SHORT_TEXT ? QuestionType.SHORT_TEXT_MAX : QuestionType.LONG_TEXT_MAX,
                condition != null,
                condition == null ? null : "q." + condition.questionKey(),
                condition == null ? null : condition.operator().name(),
                condition == null ? null : String.join(",", condition.values()));
    }
}
