package app.resonance.analytics.control;

import app.resonance.analytics.control.DriverAnalysis.Driver;
import app.resonance.analytics.control.DriverAnalysis.Kind;
import app.resonance.analytics.control.DriverAnalysis.Status;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionOption;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Driver analysis of a survey under the analytics filters and reporting rules of one {@link AnalyticsQuery}: which
 * questions (ratings, CSAT, CES, choice questions) and which topics of the comments move the survey's score. The
 * candidates come from the newest version's questions; {@link DriverReader} reads the answers; {@link
 * RelativeImportance} decomposes R². The analysis refuses to rank below the reporting minimum or below ten responses
 * per estimated column, and ranks only where the bootstrap intervals do not overlap.
 */
@ApplicationScoped
public class Drivers {

    /** Days a driver analysis covers when nobody chose a start, as the crosstab. */
    public static final int DEFAULT_DAYS = AnalyticsQuery.SEGMENT_DAYS;
    /** Responses needed per estimated column (a rating one, a choice question one per option). */
    public static final int RESPONSES_PER_COLUMN = 10;
    /** An option or topic is a column only with at least this many responses with it and without it. */
    public static final int MIN_GROUP = 5;

    @Inject
    DriverReader reader;

    @Inject
    AnalyticsSettings settings;

    /** A possible driver: a rating, a choice question (its options) or a topic. */
    public record Candidate(String key, Kind kind, QuestionType type, String label, List<String> options) {}

    /** The question whose score the drivers explain: the survey's metric question (NPS, CSAT, CES, rating). */
    public static Optional<Question> outcome(Survey survey) {
        String key = AnalyticsQuery.questionOf(survey, AnalyticsQuery.metricOf(survey));
        return key == null ? Optional.empty() : Crosstabs.question(survey, key);
    }

    /** The survey's possible drivers in the question order, then the topics when it asks for comments. */
    public static List<Candidate> candidates(Survey survey, Question outcome, List<Topic> topics, Messages messages) {
        List<Question> questions = survey.publishedVersion()
                .or(() -> survey.versions().stream().max(Comparator.comparingInt(SurveyVersion::number)))
                .map(SurveyVersion::questions)
                .orElse(List.of());
        List<Candidate> candidates = new ArrayList<>();
        boolean comments = false;
        for (Question q : questions) {
            if (q.key().equals(outcome.key())) {
                continue;
            }
            String label = q.text().in(messages.locale());
            if (q.type().isScale()) {
                candidates.add(new Candidate(q.key(), Kind.QUESTION, q.type(), label, List.of()));
            } else if (q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE) {
                candidates.add(new Candidate(
                        q.key(),
                        Kind.QUESTION,
                        q.type(),
                        label,
                        q.options(OptionRole.OPTION).stream()
                                .map(QuestionOption::code)
                                .toList()));
            } else if (q.type().isText()) {
                comments = true;
            }
        }
        if (comments) {
            for (Topic t : topics) {
                if (t.enabled()) {
                    candidates.add(
                            new Candidate("topic:" + t.key(), Kind.TOPIC, null, t.name(messages.locale()), List.of()));
                }
            }
        }
        return candidates;
    }

    /** The analysis of the query's survey, filters and rules; texts in the messages' language. */
    public DriverAnalysis analyse(AnalyticsQuery query, Messages messages) throws SQLException {
        Survey survey = query.survey();
        Question outcome = outcome(survey).orElseThrow();
        List<Candidate> candidates = candidates(survey, outcome, reader.topics(), messages);
        Set<String> scales = new LinkedHashSet<>();
        Set<String> choices = new LinkedHashSet<>();
        candidates.stream()
                .filter(c -> c.kind() == Kind.QUESTION)
                .forEach(c -> (c.type().isScale() ? scales : choices).add(c.key()));
        Set<String> texts = new LinkedHashSet<>();
        survey.versions().stream()
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type().isText())
                .forEach(q -> texts.add(q.key()));
        var filter = query.filter();
        List<DriverReader.Answers> answers = reader.read(new DriverReader.Request(
                CommentFilter.of(survey.id(), filter), settings.zone(), outcome.key(), scales, choices, texts));
        return analyse(
                new Candidate(
                        outcome.key(),
                        Kind.QUESTION,
                        outcome.type(),
                        outcome.text().in(messages.locale()),
                        List.of()),
                candidates,
                answers,
                query.rules(),
                messages,
                RelativeImportance.RESAMPLES,
                RelativeImportance.SEED);
    }

    /** A driver as columns of the data: which columns, and (topics) how many responses mention it. */
    private record Columns(Candidate candidate, List<double[]> columns, long mentions) {}

    /**
     * The analysis of read answers: responses missing a rating driver are left out (listwise); an option or topic
     * becomes a column when at least {@value #MIN_GROUP} responses have it and {@value #MIN_GROUP} do not; at most
     * {@link RelativeImportance#MAX_DRIVERS} drivers: the questions in order, then the most mentioned topics.
     * {@code outcome}: the question whose score is explained.
     */
    public static DriverAnalysis analyse(
            Candidate outcome,
            List<Candidate> candidates,
            List<DriverReader.Answers> read,
            ReportingRules rules,
            Messages messages,
            int resamples,
            long seed) {
        List<String> scales = candidates.stream()
                .filter(c -> c.type() != null && c.type().isScale())
                .map(Candidate::key)
                .toList();
        List<DriverReader.Answers> answers = read.stream()
                .filter(a -> a.scores().keySet().containsAll(scales))
                .toList();
        int n = answers.size();
        List<Columns> usable = new ArrayList<>();
        for (Candidate c : candidates) {
            List<double[]> columns = new ArrayList<>();
            long mentions = 0;
            if (c.kind() == Kind.TOPIC) {
                String theme = c.key().substring("topic:".length());
                mentions =
                        answers.stream().filter(a -> a.topics().contains(theme)).count();
                if (balanced(mentions, n)) {
                    columns.add(indicator(answers, a -> a.topics().contains(theme)));
                }
            } else if (c.type().isScale()) {
                double[] column = answers.stream()
                        .mapToDouble(a -> a.scores().get(c.key()))
                        .toArray();
                if (java.util.Arrays.stream(column).distinct().count() > 1) {
                    columns.add(column);
                }
            } else {
                for (String option : c.options()) {
                    long chosen = answers.stream()
                            .filter(a ->
                                    a.options().getOrDefault(c.key(), Set.of()).contains(option))
                            .count();
                    if (balanced(chosen, n)) {
                        columns.add(indicator(
                                answers,
                                a -> a.options().getOrDefault(c.key(), Set.of()).contains(option)));
                    }
                }
            }
            if (!columns.isEmpty()) {
                usable.add(new Columns(c, columns, mentions));
            }
        }
        List<Columns> drivers = new ArrayList<>(usable.stream()
                .filter(c -> c.candidate().kind() == Kind.QUESTION)
                .limit(RelativeImportance.MAX_DRIVERS)
                .toList());
        usable.stream()
                .filter(c -> c.candidate().kind() == Kind.TOPIC)
                .sorted(Comparator.comparingLong(Columns::mentions).reversed())
                .limit(RelativeImportance.MAX_DRIVERS - drivers.size())
                .forEach(drivers::add);
        int columnCount = drivers.stream().mapToInt(d -> d.columns().size()).sum();
        int required = Math.max(rules.minimumResponses(), RESPONSES_PER_COLUMN * columnCount);
        Visibility visibility = rules.visibility(n);
        Status refusal = visibility == Visibility.HIDDEN_FOR_ANONYMITY
                ? Status.HIDDEN_FOR_ANONYMITY
                : drivers.isEmpty() ? Status.NO_DRIVERS : n < required ? Status.NOT_ENOUGH_RESPONSES : null;
        if (refusal != null) {
            long shownN = refusal == Status.HIDDEN_FOR_ANONYMITY ? 0 : n;
            return new DriverAnalysis(
                    outcome.key(),
                    outcome.type(),
                    refusal,
                    shownN,
                    required,
                    null,
                    DriverAnalysis.METHOD,
                    resamples,
                    seed,
                    List.of(),
                    messages.get("drivers.refused." + refusal.name(), n, required, outcome.label()));
        }
        double[][] x = new double[n][columnCount];
        int[][] groups = new int[drivers.size()][];
        int next = 0;
        for (int d = 0; d < drivers.size(); d++) {
            List<double[]> columns = drivers.get(d).columns();
            groups[d] = new int[columns.size()];
            for (int k = 0; k < columns.size(); k++) {
                for (int i = 0; i < n; i++) {
                    x[i][next] = columns.get(k)[i];
                }
                groups[d][k] = next++;
            }
        }
        double[] y = answers.stream().mapToDouble(DriverReader.Answers::outcome).toArray();
        RelativeImportance.Result result = RelativeImportance.of(x, y, groups, resamples, seed);
        int[] tiers = RelativeImportance.tiers(result.shares());
        List<Driver> ranked = new ArrayList<>();
        for (int d = 0; d < drivers.size(); d++) {
            Candidate c = drivers.get(d).candidate();
            RelativeImportance.Share s = result.shares().get(d);
            ranked.add(new Driver(
                    c.key(),
                    c.kind(),
                    c.type(),
                    c.label(),
                    s.importance(),
                    s.low(),
                    s.high(),
                    result.rSquared() > 0 ? s.importance() / result.rSquared() : 0,
                    tiers[d]));
        }
        ranked.sort(Comparator.comparingInt(Driver::tier)
                .thenComparing(Comparator.comparingDouble(Driver::importance).reversed()));
        return new DriverAnalysis(
                outcome.key(),
                outcome.type(),
                Status.RANKED,
                n,
                required,
                result.rSquared(),
                DriverAnalysis.METHOD,
                resamples,
                seed,
                List.copyOf(ranked),
                sentence(ranked, n, result.rSquared(), messages));
    }

    /**
     * The finding in words: the top tier ("Support matters most", or "… cannot be told apart at the top"), then each
     * further tier ("then price", "onboarding and price cannot be told apart"), with the number of responses and the
     * share of the score's variance the drivers explain.
     */
    static String sentence(List<Driver> ranked, long n, double rSquared, Messages messages) {
        Map<Integer, List<String>> tiers = new LinkedHashMap<>();
        ranked.forEach(
                d -> tiers.computeIfAbsent(d.tier(), t -> new ArrayList<>()).add(quoted(d, messages)));
        List<String> parts = new ArrayList<>();
        tiers.forEach((tier, labels) -> {
            String list = list(labels, messages);
            String key = tier == 1
                    ? labels.size() == 1 ? "drivers.sentence.top" : "drivers.sentence.topTied"
                    : labels.size() == 1 ? "drivers.sentence.then" : "drivers.sentence.tied";
            parts.add(messages.get(key, list));
        });
        String first = String.join("; ", parts);
        first = Character.toUpperCase(first.charAt(0)) + first.substring(1);
        return messages.get("drivers.sentence", first, n, Math.round(rSquared * 100));
    }

    private static String quoted(Driver d, Messages messages) {
        return d.kind() == Kind.TOPIC ? d.label() : messages.get("drivers.quoted", d.label());
    }

    /** "a", "a and b", "a, b and c" in the messages' language. */
    static String list(List<String> items, Messages messages) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return messages.get(
                "drivers.list", String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }

    private static boolean balanced(long with, long n) {
        return with >= MIN_GROUP && n - with >= MIN_GROUP;
    }

    private static double[] indicator(
            List<DriverReader.Answers> answers, java.util.function.Predicate<DriverReader.Answers> has) {
        return answers.stream().mapToDouble(a -> has.test(a) ? 1 : 0).toArray();
    }
}
