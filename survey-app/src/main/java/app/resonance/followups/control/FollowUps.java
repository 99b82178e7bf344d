package app.resonance.followups.control;

import app.resonance.customers.entity.Customer;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.responses.control.Invitations;
import app.resonance.security.entity.AppUser;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The follow-up list (filtered by status, assignee, customer, overdue), changes to a task, the alerts
 * behind a task, and a customer's feedback history.
 */
@ApplicationScoped
public class FollowUps {

    @PersistenceContext
    EntityManager em;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    private app.resonance.platform.control.DataScope scope() {
        return app.resonance.platform.control.DataScopes.callerOf(scopes);
    }

    /**
     * The JPQL condition "about one of the caller's segments" for a task or an alert ({@code x}): its segment (a
     * segment's trend) or its response's segments at submission; empty for a caller who sees everything. The ids are
     * numbers, written into the query.
     */
    String scoped(String x) {
        var scope = scope();
        if (!scope.limited()) {
            return "";
        }
        return " AND (" + x + ".segmentId IN (" + scope.ids() + ") OR EXISTS (SELECT r.id FROM Response r JOIN"
                + " r.segments rs WHERE r.id = " + x + ".responseId AND rs.id IN (" + scope.ids() + ")))";
    }

    /** A task the caller may see: any, or for a user limited to some segments one about theirs; empty otherwise. */
    public Optional<FollowUp> visibleById(long id) {
        var scope = scope();
        return byId(id).filter(f -> !scope.limited()
                || (f.segmentId() != null && scope.covers(f.segmentId()))
                || (f.responseId() != null
                        && em.createQuery(
                                                "SELECT COUNT(r) FROM Response r JOIN r.segments rs WHERE r.id = :id AND rs.id"
                                                        + " IN (" + scope.ids() + ")",
                                                Long.class)
                                        .setParameter("id", f.responseId())
                                        .getSingleResult()
                                > 0));
    }

    @Inject
    Clock clock;

    @Inject
    Invitations invitations;

    @Inject
    app.resonance.audit.control.AuditLog audit;

    @Inject
    app.resonance.distribution.control.MailSettings mailSettings;

    /** Tasks one client (keyed hash of its address) may create per hour; more are held back and counted. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "resonance.followups.per-client-hour",
            defaultValue = "" + AlertRules.Caps.PER_CLIENT_HOUR)
    int perClientHour;

    /** Tasks one survey may create per hour from responses; more are held back and counted. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "resonance.followups.per-survey-hour",
            defaultValue = "" + AlertRules.Caps.PER_SURVEY_HOUR)
    int perSurveyHour;

    /** The hourly caps as configured. */
    public AlertRules.Caps caps() {
        return new AlertRules.Caps(perClientHour, perSurveyHour);
    }

    /** The audit subject of the follow-up rule. */
    public static final String RULE_SUBJECT = "followups.anonymousDetractors";

    /** Whether anonymous detractors become tasks (the admin's rule; off by default). */
    public boolean anonymousDetractorsFollowedUp() {
        Object value = em.createNativeQuery("SELECT anonymous_detractors FROM follow_up_rule WHERE id = 1")
                .getResultStream()
                .findFirst()
                .orElse(Boolean.FALSE);
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    /** Sets the rule in the caller's transaction and writes it to the audit log; false when nothing changed. */
    public boolean followUpAnonymousDetractors(boolean on, String by) {
        if (on == anonymousDetractorsFollowedUp()) {
            return false;
        }
        em.createNativeQuery(
                        "UPDATE follow_up_rule SET anonymous_detractors = ?, updated_at = ?, updated_by = ? WHERE id = 1")
                .setParameter(1, on)
                .setParameter(2, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(3, by)
                .executeUpdate();
        audit.record(
                app.resonance.audit.entity.AuditArea.SETTING,
                RULE_SUBJECT,
                "settingsChanged",
                app.resonance.audit.control.AuditDetail.of(on ? "anonymousDetractorsOn" : "anonymousDetractorsOff"));
        return true;
    }

    /** How many detractors the hourly caps held back, and when the first of them was. */
    public record Held(long count, java.time.Instant since) implements Serializable {}

    public Held held() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MIN(held_at) FROM held_alert")
                .getSingleResult();
        long count = ((Number) row[0]).longValue();
        Object at = row[1];
        LocalDateTime since =
                at == null ? null : at instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) at;
        return new Held(count, since == null ? null : since.toInstant(ZoneOffset.UTC));
    }

    /** What to list: null for "any". */
    public record Query(
            FollowUpStatus status, Long assigneeId, Long customerId, boolean overdueOnly, LocalDate today) {}

    public List<FollowUp> list(Query query, int offset, int limit) {
        var q = em.createQuery("SELECT f FROM FollowUp f" + where(query) + ORDER, FollowUp.class);
        bind(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Open tasks first, then those in progress, then done ones; within each the earliest due (overdue) first. */
    static final String ORDER = " ORDER BY CASE WHEN f.status = app.resonance.followups.entity.FollowUpStatus.OPEN"
            + " THEN 0 WHEN f.status = app.resonance.followups.entity.FollowUpStatus.IN_PROGRESS THEN 1 ELSE 2 END,"
            + " f.dueDate, f.id";

    /** How many tasks {@link #list} would show without paging. */
    public long count(Query query) {
        var q = em.createQuery("SELECT COUNT(f) FROM FollowUp f" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    private String where(Query query) {
        StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
        if (query.status() != null) {
            jpql.append(" AND f.status = :status");
        }
        if (query.assigneeId() != null) {
            jpql.append(" AND f.assignee.id = :assignee");
        }
        if (query.customerId() != null) {
            jpql.append(" AND f.customerId = :customer");
        }
        if (query.overdueOnly()) {
            jpql.append(" AND f.status IN :open AND ((f.dueAt IS NOT NULL AND f.dueAt < :now)"
                    + " OR (f.dueAt IS NULL AND f.dueDate < :today))");
        }
        jpql.append(scoped("f"));
        return jpql.toString();
    }

    private void bind(jakarta.persistence.TypedQuery<?> q, Query query) {
        if (query.status() != null) {
            q.setParameter("status", query.status());
        }
        if (query.assigneeId() != null) {
            q.setParameter("assignee", query.assigneeId());
        }
        if (query.customerId() != null) {
            q.setParameter("customer", query.customerId());
        }
        if (query.overdueOnly()) {
            q.setParameter("open", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS));
            q.setParameter("today", query.today());
            // a task due to the hour is overdue once that hour passed (on another day than today: at its start)
            var now = clock.instant();
            q.setParameter(
                    "now",
                    query.today().equals(now.atOffset(ZoneOffset.UTC).toLocalDate())
                            ? now
                            : query.today().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    public Optional<FollowUp> byId(long id) {
        return Optional.ofNullable(em.find(FollowUp.class, id));
    }

    public List<Alert> alertsOf(long followUpId) {
        return em.createQuery("SELECT a FROM Alert a WHERE a.followUpId = :id ORDER BY a.id", Alert.class)
                .setParameter("id", followUpId)
                .getResultList();
    }

    public List<Alert> alerts(int offset, int limit) {
        return em.createQuery(
                        "SELECT a FROM Alert a WHERE 1 = 1" + scoped("a") + " ORDER BY a.createdAt DESC, a.id DESC",
                        Alert.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    private static final String OPEN_ALERTS =
            " FROM Alert a, FollowUp f WHERE f.id = a.followUpId AND f.status IN :open";

    /** Alerts whose follow-up task is still open or in progress, newest first. */
    public List<Alert> openAlerts(int limit) {
        return em.createQuery(
                        "SELECT a" + OPEN_ALERTS + scoped("a") + " ORDER BY a.createdAt DESC, a.id DESC", Alert.class)
                .setParameter("open", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS))
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many alerts {@link #openAlerts} would list without a limit. */
    public long openAlertCount() {
        return em.createQuery("SELECT COUNT(a)" + OPEN_ALERTS + scoped("a"), Long.class)
                .setParameter("open", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS))
                .getSingleResult();
    }

    /** A change to a task: every field optional. */
    public record Change(
            FollowUpStatus status,
            AppUser assignee,
            boolean unassign,
            LocalDate dueDate,
            Boolean resurvey,
            String note) {}

    /** The result of a change: the task, and the re-survey invitation issued when it was closed. */
    public record Changed(FollowUp followUp, Optional<Invitations.IssuedInvitation> resurvey, boolean newAssignee) {}

    public Changed change(FollowUp task, Change change, String author) {
        var now = clock.instant();
        boolean newAssignee = false;
        if (change.unassign()) {
            task.assign(null, now);
        } else if (change.assignee() != null
                && task.assignee()
                        .map(a -> !a.id().equals(change.assignee().id()))
                        .orElse(true)) {
            task.assign(change.assignee(), now);
            newAssignee = true;
        }
        if (change.dueDate() != null) {
            task.due(change.dueDate(), now);
        }
        if (change.resurvey() != null) {
            task.resurvey(change.resurvey(), now);
        }
        if (change.note() != null) {
            task.addNote(author, change.note(), now);
        }
        Optional<Invitations.IssuedInvitation> invitation = Optional.empty();
        boolean closing = change.status() == FollowUpStatus.DONE && task.status() != FollowUpStatus.DONE;
        boolean closes = change.status() != null
                && change.status().isClosed()
                && !task.status().isClosed();
        if (change.status() != null) {
            task.status(change.status(), now);
        }
        if (closes) {
            FollowUpEvents.closed(
                    em,
                    task,
                    customer(task.customerId()).map(Customer::externalId).orElse(null),
                    mailSettings,
                    now);
        }
        if (closing && task.resurvey() && task.customerId() != null) {
            Survey survey = em.find(Survey.class, task.surveyId());
            Customer customer = em.find(Customer.class, task.customerId());
            invitation = Optional.of(invitations.issue(survey, customer, null));
        }
        em.flush();
        return new Changed(task, invitation, newAssignee);
    }

    public Optional<Survey> survey(long id) {
        return Optional.ofNullable(em.find(Survey.class, id));
    }

    public Optional<Customer> customer(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Customer.class, id));
    }

    public Optional<app.resonance.customers.entity.Segment> segment(Long id) {
        return id == null
                ? Optional.empty()
                : Optional.ofNullable(em.find(app.resonance.customers.entity.Segment.class, id));
    }

    /** One scored answer in a customer's history. */
    public record ScoreEntry(
            long responseId,
            String survey,
            String questionKey,
            String questionType,
            int score,
            java.time.Instant submittedAt)
            implements Serializable {}

    /** The customer's scored answers, newest first. */
    public List<ScoreEntry> history(long customerId, int limit) {
        List<ScoreEntry> entries = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, s.slug, q.question_key, q.question_type, a.score,"
                        + " r.submitted_at FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " WHERE r.customer_id = ? AND a.score IS NOT NULL"
                        + " AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')"
                        + " ORDER BY r.submitted_at DESC, r.id DESC, q.position")
                .setParameter(1, customerId)
                .setMaxResults(limit)
                .getResultList();
        for (Object[] row : rows) {
            Object at = row[5];
            LocalDateTime time = at instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) at;
            entries.add(new ScoreEntry(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).intValue(),
                    time.toInstant(ZoneOffset.UTC)));
        }
        return entries;
    }

    /** One free-text answer under its question, as the task page shows it. */
    public record TextAnswer(String question, String text) implements Serializable {}

    /** The response's free-text answers, each with its question in the reader's language, in form order. */
    public List<TextAnswer> textAnswers(Long responseId, java.util.Locale locale) {
        if (responseId == null) {
            return List.of();
        }
        return em
                .createQuery(
                        "SELECT a FROM Answer a WHERE a.response.id = :id AND a.text IS NOT NULL"
                                + " ORDER BY a.question.position, a.id",
                        app.resonance.responses.entity.Answer.class)
                .setParameter("id", responseId)
                .getResultList()
                .stream()
                .filter(a -> !a.value().text().isBlank())
                // the question as a reader without the respondent's context reads it: no raw placeholders
                .map(a -> new TextAnswer(
                        app.resonance.forms.control.Piping.fill(
                                a.question().text().in(locale), name -> null),
                        a.value().text().strip()))
                .toList();
    }

    /** The response's free-text answers, joined (none: empty). */
    public Optional<String> comment(Long responseId) {
        if (responseId == null) {
            return Optional.empty();
        }
        List<String> texts = em.createQuery(
                        "SELECT a.text FROM Answer a WHERE a.response.id = :id AND a.text IS NOT NULL"
                                + " ORDER BY a.question.position, a.id",
                        String.class)
                .setParameter("id", responseId)
                .getResultList();
        String joined =
                texts.stream().map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.joining("\n"));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}
