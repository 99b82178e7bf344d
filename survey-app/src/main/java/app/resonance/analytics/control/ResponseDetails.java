package app.resonance.analytics.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.responses.entity.Answer;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One response as the response browser opens it: every answer in question order with the question's text and
 * the chosen options' labels in the reader's language, the hidden fields, the customer and segments, the
 * follow-up task and the customer's earlier responses. An anonymous survey's response names no customer, no
 * segments and no earlier responses.
 */
@ApplicationScoped
public class ResponseDetails {

    /** Earlier responses of the customer listed at most. */
    public static final int EARLIER = 20;

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    /** Whether the caller may see this response: always, or for a user limited to segments, one tagged with theirs. */
    boolean visible(Response response) {
        var scope = app.resonance.platform.control.DataScopes.callerOf(scopes);
        return !scope.limited() || response.segments().stream().anyMatch(s -> scope.covers(s.id()));
    }

    /** An answered question: its key, type and text, the score (scales) and what was answered, as shown. */
    public record Line(String question, String type, String text, Integer score, List<String> values)
            implements Serializable {}

    public record Task(long id, String status, LocalDate due) implements Serializable {}

    public record Earlier(long id, String survey, Instant submittedAt) implements Serializable {}

    public record Detail(
            long id,
            String survey,
            boolean anonymous,
            int version,
            String status,
            String channel,
            String locale,
            Instant submittedAt,
            String customer,
            List<String> segments,
            Map<String, String> hiddenFields,
            Map<String, String> eventAttributes,
            List<Line> answers,
            Task followUp,
            List<Earlier> earlier)
            implements Serializable {}

    /** The response with this id if it belongs to the survey {@code surveyId}. */
    @Transactional
    public Optional<Detail> of(long surveyId, long id, Locale locale) {
        Response response = em.find(Response.class, id);
        if (response == null || response.survey().id() != surveyId || !visible(response)) {
            // outside the caller's segments it is as if it did not exist
            return Optional.empty();
        }
        boolean anonymous = response.survey().anonymous();
        Customer customer = anonymous ? null : response.customer().orElse(null);
        return Optional.of(new Detail(
                response.id(),
                response.survey().slug(),
                anonymous,
                response.version().number(),
                response.status().name(),
                response.channel().name(),
                response.locale(),
                response.submittedAt(),
                customer == null ? null : customer.externalId(),
                anonymous
                        ? List.of()
                        : response.segments().stream()
                                .map(Segment::key)
                                .sorted()
                                .toList(),
                response.hiddenFields(),
                response.eventAttributes(),
                lines(response.answers(), locale),
                task(id),
                customer == null ? List.of() : earlier(customer, response)));
    }

    static List<Line> lines(List<Answer> answers, Locale locale) {
        Map<Question, List<Answer>> byQuestion = new LinkedHashMap<>();
        answers.stream()
                .sorted(Comparator.comparingInt((Answer a) -> a.question().position())
                        .thenComparing(Answer::id))
                .forEach(a -> byQuestion
                        .computeIfAbsent(a.question(), q -> new ArrayList<>())
                        .add(a));
        List<Line> lines = new ArrayList<>();
        byQuestion.forEach((q, given) -> {
            Integer score = q.type().isScale() ? given.get(0).value().score() : null;
            List<String> values = given.stream().map(a -> shown(q, a, locale)).toList();
            lines.add(new Line(q.key(), q.type().name(), q.text().in(locale), score, values));
        });
        return lines;
    }

    private static String shown(Question q, Answer answer, Locale locale) {
        var v = answer.value();
        return switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT -> v.text();
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> label(q, OptionRole.OPTION, v.optionCode(), locale);
            case MATRIX ->
                label(q, OptionRole.ROW, v.rowCode(), locale) + ": "
                        + label(q, OptionRole.COLUMN, v.optionCode(), locale);
            default -> String.valueOf(v.score());
        };
    }

    private static String label(Question q, OptionRole role, String code, Locale locale) {
        return q.option(role, code).map(o -> o.label().in(locale)).orElse(code);
    }

    private Task task(long responseId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT id, status, due_date FROM follow_up WHERE response_id = ? ORDER BY id")
                .setParameter(1, responseId)
                .setMaxResults(1)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        Object due = row[2];
        return new Task(
                ((Number) row[0]).longValue(),
                (String) row[1],
                due instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) due);
    }

    private List<Earlier> earlier(Customer customer, Response response) {
        return em.createQuery(
                        "SELECT r FROM Response r JOIN r.survey s WHERE r.customer = :customer AND s.anonymous = FALSE"
                                + " AND r.id <> :id ORDER BY r.submittedAt DESC, r.id DESC",
                        Response.class)
                .setParameter("customer", customer)
                .setParameter("id", response.id())
                .getResultStream()
                .filter(r -> !r.submittedAt().isAfter(response.submittedAt()))
                .filter(this::visible)
                .limit(EARLIER)
                .map(r -> new Earlier(r.id(), r.survey().slug(), r.submittedAt()))
                .toList();
    }
}
