package app.resonance.console.followups;

import app.resonance.customers.entity.Customer;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.FollowUp;
import app.resonance.platform.control.Messages;
import app.resonance.security.entity.AppUser;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.stream.Collectors;

/** What the console shows of one follow-up task in a list. */
public record TaskRow(
        long id,
        String title,
        String status,
        String assignee,
        LocalDate dueDate,
        boolean overdue,
        String customerId,
        String customerName,
        String survey,
        Integer score,
        String concerns)
        implements Serializable {

    /** The customer as the pages show it. */
    public String customerLabel() {
        return ConsoleTime.label(customerName, customerId);
    }

    /**
     * The task as a list shows it; {@code concerns} names what a task without a response is about (null: the
     * customer column says "anonymous").
     */
    static TaskRow of(FollowUp task, FollowUps followUps, Messages messages, LocalDate today, TaskConcerns concerns) {
        var alerts = followUps.alertsOf(task.id());
        Integer score = alerts.stream()
                .map(a -> a.score())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        String title = task.title().orElseGet(() -> alerts.stream()
                .map(a -> messages.get("alert." + a.kind().name()))
                .collect(Collectors.joining(" · ")));
        Customer customer = followUps.customer(task.customerId()).orElse(null);
        return new TaskRow(
                task.id(),
                title,
                task.status().name(),
                task.assignee().map(AppUser::displayName).orElse(null),
                task.dueDate(),
                task.isOverdue(today),
                customer == null ? null : customer.externalId(),
                customer == null ? null : customer.name(),
                followUps.survey(task.surveyId()).map(s -> s.slug()).orElse(null),
                score,
                concerns == null ? null : concerns.of(task, alerts));
    }
}
