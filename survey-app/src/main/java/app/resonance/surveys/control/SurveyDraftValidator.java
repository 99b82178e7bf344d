package app.resonance.surveys.control;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.platform.control.Texts;
import app.resonance.surveys.entity.ConditionOperator;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a survey definition before anything is stored, naming every bad field: the structure when a
 * draft is saved, the completeness of the texts in every offered language when it is published.
 */
public final class SurveyDraftValidator {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final Pattern QUESTION_ID = Pattern.compile("[a-z][a-z0-9_]*");
    public static final Pattern OPTION_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** The languages a new survey offers unless it names its own. */
    public static final List<String> LANGUAGES = List.of("de", "en");
    /** The languages a survey may offer its respondents. */
    public static final List<String> OFFERABLE = Messages.RESPONDENT_LANGUAGES;

    static final int MAX_QUESTIONS = 100;
    static final int MAX_OPTIONS = 50;
    static final int MAX_PAGES = 20;
    /** A piped earlier answer in a question's text. */
    public static final Pattern PIPE = Pattern.compile("\\{answer:([a-z][a-z0-9_]*)(?:\\|[^{}|]*)?}");

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();

    private SurveyDraftValidator(Messages messages) {
        this.messages = messages;
    }

    /** The errors of a draft; {@code creating} also checks slug and kind. */
    public static List<FieldError> validate(SurveyDraft draft, boolean creating, Messages messages) {
        var validator = new SurveyDraftValidator(messages);
        validator.check(draft, creating);
        return List.copyOf(validator.errors);
    }

    /** What keeps a draft version from being published. */
    public static List<FieldError> validateForPublish(SurveyVersion version, Messages messages) {
        var validator = new SurveyDraftValidator(messages);
        validator.checkComplete(version);
        return List.copyOf(validator.errors);
    }

    private void error(String field, String code, Object... args) {
        errors.add(messages.error(field, code, args));
    }

    private void check(SurveyDraft draft, boolean creating) {
        if (creating) {
            if (draft.slug() == null || draft.slug().isBlank()) {
                error("slug", "required");
            } else if (draft.slug().length() < 3
                    || draft.slug().length() > 80
                    || !SLUG.matcher(draft.slug()).matches()) {
                error("slug", "slug");
            }
            if (draft.kind() == null) {
                error("kind", "required");
            } else if (!isEnum(SurveyKind.class, draft.kind())) {
                error("kind", "oneOf", names(SurveyKind.values()));
            }
        }
        List<String> languages =
                draft.languages() == null || draft.languages().isEmpty() ? LANGUAGES : draft.languages();
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i) == null || !OFFERABLE.contains(languages.get(i))) {
                error("languages[" + i + "]", "oneOf", String.join(", ", OFFERABLE));
            }
        }
        if (new HashSet<>(languages).size() != languages.size()) {
            error("languages", "duplicate");
        }
        if (draft.defaultLanguage() != null && !languages.contains(draft.defaultLanguage())) {
            error("defaultLanguage", "oneOf", String.join(", ", languages));
        }
        checkTexts("title", draft.title(), 200);
        checkTexts("intro", draft.intro(), 2000);
        List<QuestionDraft> questions = draft.questions() == null ? List.of() : draft.questions();
        if (questions.size() > MAX_QUESTIONS) {
            error("questions", "tooMany", MAX_QUESTIONS);
        }
        Set<String> ids = new HashSet<>();
        java.util.Map<String, QuestionDraft> earlier = new java.util.HashMap<>();
        int lastPage = 1;
        for (int i = 0; i < questions.size(); i++) {
            QuestionDraft question = questions.get(i);
            String field = "questions[" + i + "]";
            if (question == null) {
                error(field, "required");
                continue;
            }
            if (question.page() != null) {
                if (question.page() < 1 || question.page() > MAX_PAGES) {
                    error(field + ".page", "page", MAX_PAGES);
                } else if (question.page() < lastPage) {
                    error(field + ".page", "pageOrder");
                } else {
                    lastPage = question.page();
                }
            }
            checkPiping(field + ".text", question.text(), earlier);
            if (question.showIf() != null) {
                checkCondition(field + ".showIf", question.showIf(), earlier);
            }
            if (question.id() == null || question.id().isBlank()) {
                error(field + ".id", "required");
            } else if (question.id().length() > 40
                    || !QUESTION_ID.matcher(question.id()).matches()) {
                error(field + ".id", "questionId");
            } else if (!ids.add(question.id())) {
                error(field + ".id", "duplicate");
            }
            checkTexts(field + ".text", question.text(), 1000);
            if (question.type() == null) {
                error(field + ".type", "required");
                continue;
            }
            if (!isEnum(QuestionType.class, question.type())) {
                error(field + ".type", "oneOf", names(QuestionType.values()));
                continue;
            }
            checkQuestion(field, QuestionType.valueOf(question.type()), question);
            if (question.id() != null) {
                earlier.putIfAbsent(question.id(), question);
            }
        }
    }

    /** Piped answers must come from earlier questions: {answer:key}. */
    private void checkPiping(String field, Texts texts, java.util.Map<String, QuestionDraft> earlier) {
        if (texts == null) {
            return;
        }
        for (String language : OFFERABLE) {
            String text = texts.in(language);
            if (text == null) {
                continue;
            }
            var matcher = PIPE.matcher(text);
            while (matcher.find()) {
                if (!earlier.containsKey(matcher.group(1))) {
                    error(field + "." + language, "pipe", matcher.group(1));
                }
            }
        }
    }

    private void checkCondition(String field, ConditionDraft condition, java.util.Map<String, QuestionDraft> earlier) {
        QuestionDraft source = condition.question() == null ? null : earlier.get(condition.question());
        if (source == null || source.type() == null || !isEnum(QuestionType.class, source.type())) {
            error(field + ".question", "conditionQuestion");
            return;
        }
        if (condition.operator() == null || !isEnum(ConditionOperator.class, condition.operator())) {
            error(field + ".operator", "oneOf", names(ConditionOperator.values()));
            return;
        }
        QuestionType type = QuestionType.valueOf(source.type());
        ConditionOperator operator = ConditionOperator.valueOf(condition.operator());
        List<String> values = condition.values() == null ? List.of() : condition.values();
        if (operator == ConditionOperator.ANSWERED) {
            return;
        }
        boolean scored = type.isScale();
        boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        if (!scored && !choice) {
            error(field + ".operator", "conditionType");
            return;
        }
        if (operator == ConditionOperator.BETWEEN) {
            if (!scored
                    || values.size() != 2
                    || !values.stream().allMatch(SurveyDraftValidator::isSmallInt)
                    || Integer.parseInt(values.get(0)) > Integer.parseInt(values.get(1))) {
                error(field + ".values", "conditionRange");
            }
            return;
        }
        if (values.isEmpty()) {
            error(field + ".values", "required");
            return;
        }
        Set<String> allowed = new HashSet<>();
        if (scored) {
            int min = type == QuestionType.RATING ? (source.min() == null ? 1 : source.min()) : type.defaultMin();
            int max = type == QuestionType.RATING ? (source.max() == null ? 5 : source.max()) : type.defaultMax();
            for (int v = min; v <= max; v++) {
                allowed.add(Integer.toString(v));
            }
        } else if (source.options() != null) {
            source.options().stream().filter(o -> o != null && o.id() != null).forEach(o -> allowed.add(o.id()));
        }
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                error(field + ".values[" + i + "]", "conditionValue");
            }
        }
    }

    private static boolean isSmallInt(String s) {
        return s != null && s.matches("\\d{1,3}");
    }

    private void checkQuestion(String field, QuestionType type, QuestionDraft question) {
        if (type == QuestionType.RATING) {
            int min = question.min() == null ? 1 : question.min();
            int max = question.max() == null ? 5 : question.max();
            if (min != 0 && min != 1) {
                error(field + ".min", "ratingMin");
            }
            if (max < 2 || max > QuestionType.RATING_MAX || max <= min) {
                error(field + ".max", "ratingMax", QuestionType.RATING_MAX);
            }
        } else if ((question.min() != null || question.max() != null) && type.hasFixedScale()) {
            error(field + ".min", "fixedScale", type.defaultMin(), type.defaultMax());
        }
        checkTexts(field + ".minLabel", question.minLabel(), 100);
        checkTexts(field + ".maxLabel", question.maxLabel(), 100);
        List<OptionDraft> options = question.options() == null ? List.of() : question.options();
        List<OptionDraft> rows = question.rows() == null ? List.of() : question.rows();
        if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE || type == QuestionType.MATRIX) {
            if (options.size() < 2) {
                error(field + ".options", "minOptions", 2);
            }
            checkOptions(field + ".options", options);
        } else if (!options.isEmpty()) {
            error(field + ".options", "noOptions");
        }
        if (type == QuestionType.MATRIX) {
            if (rows.isEmpty()) {
                error(field + ".rows", "minOptions", 1);
            }
            checkOptions(field + ".rows", rows);
        } else if (!rows.isEmpty()) {
            error(field + ".rows", "noOptions");
        }
    }

    private void checkOptions(String field, List<OptionDraft> options) {
        if (options.size() > MAX_OPTIONS) {
            error(field, "tooMany", MAX_OPTIONS);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            OptionDraft option = options.get(i);
            String f = field + "[" + i + "]";
            if (option == null || option.id() == null || option.id().isBlank()) {
                error(f + ".id", "required");
                continue;
            }
            if (option.id().length() > 40 || !OPTION_ID.matcher(option.id()).matches()) {
                error(f + ".id", "optionId");
            } else if (!ids.add(option.id())) {
                error(f + ".id", "duplicate");
            }
            checkTexts(f + ".label", option.label(), 300);
        }
    }

    private void checkTexts(String field, Texts texts, int maxLength) {
        if (texts == null) {
            return;
        }
        for (String language : OFFERABLE) {
            String text = texts.in(language);
            if (text != null && text.length() > maxLength) {
                error(field + "." + language, "tooLong", maxLength);
            } else if (text != null && !TextRules.isClean(text)) {
                error(field + "." + language, "badCharacters");
            }
        }
    }

    private void checkComplete(SurveyVersion version) {
        List<Question> questions = version.questions();
        if (questions.isEmpty()) {
            error("questions", "minOptions", 1);
        }
        for (String language : version.languages()) {
            requireText("title." + language, version.title() == null ? null : text(version.title(), language));
            for (Question question : questions) {
                String field = "questions[" + question.position() + "]";
                requireText(
                        field + ".text." + language, question.text() == null ? null : text(question.text(), language));
                for (OptionRole role : OptionRole.values()) {
                    var options = question.options(role);
                    String name = role == OptionRole.ROW ? ".rows" : ".options";
                    for (int i = 0; i < options.size(); i++) {
                        var label = options.get(i).label();
                        requireText(
                                field + name + "[" + i + "].label." + language,
                                label == null ? null : text(label, language));
                    }
                }
            }
        }
    }

    private static String text(app.resonance.platform.entity.LocalizedText text, String language) {
        return text.exactly(language);
    }

    private void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            error(field, "missingTranslation");
        }
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String names(Enum<?>[] values) {
        var names = new ArrayList<String>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }
}
