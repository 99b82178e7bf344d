package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.FollowUpStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.UserTransaction;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The follow-up list (open first, overdue first among them), page by page from the database; filters
 * (status, overdue only, mine) are kept in the URL. It says how many alerts the hourly caps held back, and
 * an ADMIN sets the follow-up rule (do anonymous detractors become tasks?), which is audited.
 */
@Named
@ViewScoped
public class FollowUpsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FollowUps followUps;

    @Inject
    transient TaskConcerns concerns;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient Clock clock;

    @Inject
    transient ConsoleTime time;

    private String status;
    private boolean overdue;
    private boolean mine;
    private final Model model = new Model();
    private boolean anonymousDetractors;
    private FollowUps.Held held;

    @Resource
    transient UserTransaction transaction;

    @PostConstruct
    void init() {
        anonymousDetractors = followUps.anonymousDetractorsFollowedUp();
        held = followUps.held();
    }

    /** Saves the follow-up rule (ADMIN only). */
    public void saveRule() throws Exception {
        if (!currentUser.isAdmin()) {
            Faces.error("followups.rulesNotAllowed");
            return;
        }
        transaction.begin();
        try {
            followUps.followUpAnonymousDetractors(
                    anonymousDetractors, currentUser.getUser().username());
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        Faces.info("followups.rulesSaved");
    }

    /** "N alerts were held back by the hourly cap since …", or null when none were. */
    public String getHeldNote() {
        return held == null || held.count() == 0
                ? null
                : Faces.text("followups.held", held.count(), time.format(held.since()));
    }

    /** The caps as configured, for the rule's explanation. */
    public String getCapsNote() {
        var caps = followUps.caps();
        return Faces.text("followups.capsNote", caps.perClientHour(), caps.perSurveyHour());
    }

    public boolean isAnonymousDetractors() {
        return anonymousDetractors;
    }

    public void setAnonymousDetractors(boolean anonymousDetractors) {
        this.anonymousDetractors = anonymousDetractors;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    FollowUps.Query query() {
        FollowUpStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = FollowUpStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        Long assignee =
                mine && currentUser.getUser() != null ? currentUser.getUser().id() : null;
        return new FollowUps.Query(wanted, assignee, null, overdue, today());
    }

    /** Loads one page at a time. */
    public class Model extends LazyDataModel<TaskRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, followUps.count(query()));
        }

        @Override
        public List<TaskRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            LocalDate today = today();
            var messages = Faces.messages();
            return followUps.list(query(), first, pageSize).stream()
                    .map(task -> TaskRow.of(task, followUps, messages, today, concerns))
                    .toList();
        }

        @Override
        public String getRowKey(TaskRow row) {
            return String.valueOf(row.id());
        }
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(FollowUpStatus.values()).map(Enum::name).toList();
    }

    /** Shows the list again with the filters in the URL (bookmarkable). */
    public String apply() {
        return "/admin/followups?faces-redirect=true&includeViewParams=true";
    }

    public Model getModel() {
        return model;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public void setOverdue(boolean overdue) {
        this.overdue = overdue;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }
}
