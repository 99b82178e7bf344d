package app.resonance.followups.control;

import app.resonance.customers.entity.Customer;
import app.resonance.distribution.control.MailOutbox;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.FollowUp;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Tells the assignee of a new follow-up task by mail: observes {@link FollowUpAssigned} (fired after the
 * creating transaction committed) and queues one mail in the durable outbox, in the assignee's language
 * (English when none is set), with the customer, the score, the comment, the due date and the link to the
 * task page. An assignee without an e-mail address gets no mail.
 */
@ApplicationScoped
public class TaskMail {

    private static final Logger LOG = Logger.getLogger(TaskMail.class.getName());
    static final String FALLBACK_BASE = "http://localhost:8080";

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @Inject
    FollowUps followUps;

    public TaskMail() {}

    /** For use outside the container (tests). */
    public TaskMail(EntityManager em, MailOutbox outbox, MailSettings settings, Clock clock) {
        this.em = em;
        this.followUps = new FollowUps();
        this.followUps.em = em;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void assigned(@Observes FollowUpAssigned event) {
        queue(event);
    }

    /** Queues the mail in the caller's transaction; empty if there is nobody to tell. */
    public Optional<OutboxMail> queue(FollowUpAssigned event) {
        if (event.assigneeId() == null) {
            return Optional.empty();
        }
        FollowUp task = em.find(FollowUp.class, event.followUpId());
        AppUser assignee = em.find(AppUser.class, event.assigneeId());
        if (task == null || assignee == null || assignee.email().isEmpty()) {
            LOG.info(
                    () -> "No task mail for follow-up " + event.followUpId() + ": the assignee has no e-mail address.");
            return Optional.empty();
        }
        Messages messages =
                Messages.of(assignee.language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH));
        List<Alert> alerts = em.createQuery("SELECT a FROM Alert a WHERE a.followUpId = :id ORDER BY a.id", Alert.class)
                .setParameter("id", task.id())
                .getResultList();
        Customer customer = task.customerId() == null ? null : em.find(Customer.class, task.customerId());
        Integer score = alerts.stream()
                .map(Alert::score)
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
        String comment = followUps.comment(task.responseId()).orElse(null);
        String reasons = task.title().orElseGet(() -> alerts.stream()
                .map(a -> messages.get("alert." + a.kind().name()))
                .collect(Collectors.joining(" · ")));
        String who = customer == null
                ? messages.get("taskMail.anonymous")
                : customer.name() + " (" + customer.externalId() + ")";
        String link = settings.publicUrl().orElse(FALLBACK_BASE) + "/admin/followup.xhtml?id=" + task.id();
        String subject = messages.get("taskMail.subject", reasons, who);
        String scoreText = score == null ? "–" : String.valueOf(score);
        String due = task.dueDate().toString();
        StringBuilder text = new StringBuilder()
                .append(messages.get("taskMail.greeting", assignee.displayName()))
                .append("\n\n")
                .append(messages.get("taskMail.intro"))
                .append("\n\n")
                .append(messages.get("taskMail.customer"))
                .append(": ")
                .append(who)
                .append('\n')
                .append(messages.get("taskMail.alerts"))
                .append(": ")
                .append(reasons)
                .append('\n')
                .append(messages.get("taskMail.score"))
                .append(": ")
                .append(scoreText)
                .append('\n')
                .append(messages.get("taskMail.due"))
                .append(": ")
                .append(due)
                .append('\n');
        if (comment != null) {
            text.append(messages.get("taskMail.comment"))
                    .append(":\n  ")
                    .append(comment.replace("\n", "\n  "))
                    .append('\n');
        }
        text.append('\n')
                .append(messages.get("taskMail.open"))
                .append(": ")
                .append(link)
                .append('\n');
        List<Row> rows = new ArrayList<>(List.of(
                Row.of(messages.get("taskMail.customer"), who),
                Row.of(messages.get("taskMail.alerts"), reasons),
                Row.of(messages.get("taskMail.score"), scoreText),
                Row.of(messages.get("taskMail.due"), due)));
        if (comment != null) {
            rows.add(Row.of(messages.get("taskMail.comment"), comment));
        }
        String html = html(new Html(
                messages.get("taskMail.greeting", assignee.displayName()),
                messages.get("taskMail.intro"),
                rows,
                link,
                messages.get("taskMail.open")));
        Instant now = clock.instant();
        return Optional.of(outbox.enqueue(new OutboxMail(
                OutboxMail.Kind.FOLLOW_UP,
                null,
                assignee.email().orElseThrow(),
                subject,
                text.toString(),
                html,
                now,
                now)));
    }

    /** What the HTML part shows (templates/mail/follow-up.mustache, which escapes every value). */
    record Html(String greeting, String intro, List<Row> rows, String link, String open) {}

    /** One labelled value; its lines are shown one below the other. */
    record Row(String label, List<Line> lines) {
        static Row of(String label, String value) {
            String[] parts = value.split("\\R", -1);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                lines.add(new Line(i > 0, parts[i]));
            }
            return new Row(label, lines);
        }
    }

    /** A line of a value, after a line break unless it is the first. */
    record Line(boolean br, String text) {}

    /** The HTML part: every value (the comment is the respondent's) escaped by the template. */
    static String html(Html page) {
        return Templates.render("mail/follow-up.mustache", page);
    }
}
