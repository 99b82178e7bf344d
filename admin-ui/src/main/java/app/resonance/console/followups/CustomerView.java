package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.FollowUp;
import app.resonance.responses.control.ContactRules;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's feedback: the latest NPS, the score history (a small chart drawn as SVG on the server and
 * the same figures as a table), the follow-up tasks with their notes, and the contact history: when the customer
 * was invited or answered, and which invitations the contact rules held back and why.
 */
@Named
@ViewScoped
public class CustomerView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int HISTORY = 200;
    /** The newest contacts shown; one table without a paginator (a second paginator landmark would repeat the first's name). */
    static final int CONTACTS = 20;

    @Inject
    transient CustomerDirectory customers;

    @Inject
    transient FollowUps followUps;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient Clock clock;

    @Inject
    transient ContactRules contactRules;

    private String id;
    private Customer customer;
    private List<FollowUps.ScoreEntry> history = List.of();
    private List<TaskRow> tasks = List.of();
    private List<ContactRules.ContactEvent> contacts = List.of();
    private final List<List<app.resonance.followups.entity.FollowUpNote>> notes = new ArrayList<>();

    public void load() {
        customer = id == null ? null : customers.visibleByExternalId(id).orElse(null);
        if (customer == null) {
            Faces.error("customer.notFound");
            return;
        }
        history = followUps.history(customer.id(), HISTORY);
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        List<FollowUp> found = followUps.list(new FollowUps.Query(null, null, customer.id(), false, today), 0, 100);
        var messages = Faces.messages();
        tasks = found.stream()
                .map(t -> TaskRow.of(t, followUps, messages, today, null))
                .toList();
        notes.clear();
        found.forEach(t -> notes.add(List.copyOf(t.notes())));
        contacts = contactRules.history(customer, CONTACTS);
    }

    /** Invited, answered, and not asked with the reason: newest first. */
    public List<ContactRules.ContactEvent> getContacts() {
        return contacts;
    }

    public ContactRules.Limits getContactLimits() {
        return contactRules.limits();
    }

    public Optional<FollowUps.ScoreEntry> latestNps() {
        return history.stream().filter(e -> e.questionType().equals("NPS")).findFirst();
    }

    public FollowUps.ScoreEntry getLatest() {
        return latestNps().orElse(null);
    }

    /** The NPS answers oldest first as a chart with axes, axis titles and a legend. */
    public ScoreChart getChart() {
        List<ScoreChart.Answer> nps = new ArrayList<>(history.stream()
                .filter(e -> e.questionType().equals("NPS"))
                .map(e -> new ScoreChart.Answer(e.submittedAt(), e.score()))
                .toList());
        java.util.Collections.reverse(nps);
        return new ScoreChart(nps, settings.zone());
    }

    /** The NPS answers oldest first as an SVG polyline's points. */
    public String getChartPoints() {
        return getChart().getPoints();
    }

    public List<app.resonance.followups.entity.FollowUpNote> notesOf(int index) {
        return index < notes.size() ? notes.get(index) : List.of();
    }

    public String getLabel() {
        return customer == null ? null : ConsoleTime.label(customer.name(), customer.externalId());
    }

    public Customer getCustomer() {
        return customer;
    }

    public List<FollowUps.ScoreEntry> getHistory() {
        return history;
    }

    public List<TaskRow> getTasks() {
        return tasks;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
