package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Figures;
import app.resonance.console.security.CurrentUser;
import app.resonance.followups.control.CustomerReplies;
import app.resonance.followups.control.FollowUpAssigned;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpNote;
import app.resonance.followups.entity.FollowUpReply;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.responses.control.ResponseStore;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One follow-up task: its alerts, customer, notes; a SUPPORT_LEAD or ADMIN changes status, assignee and
 * due date, adds a note and closes it with an optional re-survey, and replies to the customer by e-mail (from the
 * template in the customer's language; not offered for an anonymous respondent, a customer without an address or a
 * suppressed one, with the reason shown). A VIEWER only reads (the page shows no inputs, and a change is refused
 * here too).
 */
@Named
@ViewScoped
public class FollowUpView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int NOTE_MAX = 4000;

    @Inject
    transient FollowUps followUps;

    @Inject
    transient UserDirectory users;

    @Inject
    transient ResponseStore responses;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient Clock clock;

    @Inject
    transient Event<FollowUpAssigned> assigned;

    @Inject
    transient CustomerReplies replies;

    @Inject
    transient TaskConcerns taskConcerns;

    @Resource
    transient UserTransaction transaction;

    private Long id;
    private TaskRow row;
    private String status;
    private String assignee;
    private LocalDate dueDate;
    private boolean resurvey;
    private String note;
    private String resurveyLink;
    private String saved;
    private String comment;
    private List<FollowUps.TextAnswer> textAnswers = List.of();
    private List<HiddenField> hiddenFields = List.of();
    private String replyRefusal;
    private boolean onResponse;
    private String concerns;
    private String replyLanguage;
    private String replySubject;
    private String replyBody;
    private String replyRecipient;

    /** A hidden field the response arrived with (its link's or the widget page's URL parameter). */
    public record HiddenField(String name, String value) implements Serializable {}

    /** Loads the task named in the URL; an unknown id shows the list. */
    public void load() throws IOException {
        FollowUp task = id == null ? null : followUps.visibleById(id).orElse(null);
        if (task == null) {
            Faces.error("followup.notFound");
            return;
        }
        row = TaskRow.of(task, followUps, Faces.messages(), today(), taskConcerns);
        onResponse = task.responseId() != null;
        concerns = row.concerns();
        comment = followUps.comment(task.responseId()).orElse(null);
        textAnswers = followUps.textAnswers(task.responseId(), Faces.locale());
        hiddenFields = task.responseId() == null
                ? List.of()
                : responses
                        .byId(task.responseId())
                        .map(r -> r.hiddenFields().entrySet().stream()
                                .map(e -> new HiddenField(e.getKey(), e.getValue()))
                                .toList())
                        .orElse(List.of());
        status = task.status().name();
        assignee = task.assignee().map(AppUser::username).orElse("");
        dueDate = task.dueDate();
        resurvey = task.resurvey();
        replyRefusal = replies.refusal(task)
                .map(r -> Faces.messages().get("error." + r.code()))
                .orElse(null);
        if (replyRefusal == null && isMayChange()) {
            template(task, null);
        }
    }

    private void template(FollowUp task, String language) {
        var template = replies.template(task, language, currentUser.getUser());
        replyLanguage = template.language();
        replySubject = template.subject();
        replyBody = template.body();
        replyRecipient = template.recipient();
    }

    /** The lead picked another language: the template in it replaces subject and body. */
    public void replyLanguageChanged() {
        if (row != null && replyRefusal == null && Messages.RESPONDENT_LANGUAGES.contains(replyLanguage)) {
            followUps.byId(row.id()).ifPresent(task -> template(task, replyLanguage));
        }
    }

    /** Sends the reply through the outbox; it then shows in the task's replies. */
    public void sendReply() throws Exception {
        if (row == null || !isMayChange() || replyRefusal != null) {
            Faces.error("followup.notAllowed");
            return;
        }
        var messages = Faces.messages();
        List<FieldError> errors = new ArrayList<>();
        String subject = replySubject == null ? null : replySubject.strip();
        messages.checkText("subject", subject, true, FollowUpReply.SUBJECT_MAX, errors);
        if (errors.isEmpty() && (subject.contains("\n") || subject.contains("\r"))) {
            errors.add(messages.error("subject", "badCharacters"));
        }
        messages.checkText("body", replyBody, true, FollowUpReply.BODY_MAX, errors);
        if (!Messages.RESPONDENT_LANGUAGES.contains(replyLanguage)) {
            errors.add(messages.error("language", "oneOf", String.join(", ", Messages.RESPONDENT_LANGUAGES)));
        }
        if (!errors.isEmpty()) {
            Faces.fieldErrors("reply", errors);
            return;
        }
        transaction.begin();
        try {
            FollowUp task = followUps.byId(row.id()).orElseThrow();
            if (replies.refusal(task).isEmpty()) {
                replies.send(task, currentUser.getUser(), replyLanguage, subject, replyBody);
            }
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        load();
        saved = Faces.text(replyRefusal == null ? "followup.replySent" : "followup.replyNotSent");
    }

    /** The replies written to the customer, oldest first, with the state of their mail. */
    public List<CustomerReplies.Sent> getReplies() {
        return row == null ? List.of() : replies.replies(row.id());
    }

    /** Why no reply can be written (an anonymous respondent, no or a suppressed address); null when one can. */
    public String getReplyRefusal() {
        return replyRefusal;
    }

    /** The sentence saying why no reply is offered, in the console's language. */
    public String getReplyNotOffered() {
        return replyRefusal == null ? null : Faces.text("followup.replyNotOffered", replyRefusal);
    }

    public List<String> getReplyLanguages() {
        return Messages.RESPONDENT_LANGUAGES;
    }

    public String languageName(String code) {
        return Faces.languageName(code);
    }

    public String getReplyRecipient() {
        return replyRecipient;
    }

    public String getReplyLanguage() {
        return replyLanguage;
    }

    public void setReplyLanguage(String replyLanguage) {
        this.replyLanguage = replyLanguage;
    }

    public String getReplySubject() {
        return replySubject;
    }

    public void setReplySubject(String replySubject) {
        this.replySubject = replySubject;
    }

    public String getReplyBody() {
        return replyBody;
    }

    public void setReplyBody(String replyBody) {
        this.replyBody = replyBody;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    public boolean isMayChange() {
        AppUser user = currentUser.getUser();
        return user != null && (user.role() == Role.ADMIN || user.role() == Role.SUPPORT_LEAD);
    }

    public List<HiddenField> getHiddenFields() {
        return hiddenFields;
    }

    public List<Alert> getAlerts() {
        return row == null ? List.of() : followUps.alertsOf(row.id());
    }

    /** Whether the task is about a response (with its customer or anonymous); else about a segment or a topic. */
    public boolean isOnResponse() {
        return onResponse;
    }

    /** What a task without a response is about: the topic whose share rose, the segment that declined, or "–". */
    public String getConcerns() {
        return concerns;
    }

    /**
     * What a segment decline or a topic rise measured, in the console's language ("Support: 31.0 % of the comments
     * (before: 12.0 %; p = 0.004, Holm-adjusted)"); empty for an alert on a response, which shows its score.
     */
    public String figures(Alert a) {
        if (a.figure() == null || a.previousFigure() == null || a.pValue() == null) {
            return "";
        }
        java.util.Locale locale = Faces.locale();
        if (a.kind() == AlertKind.TOPIC_RISE) {
            java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(locale);
            percent.setMinimumFractionDigits(1);
            percent.setMaximumFractionDigits(1);
            String topic = taskConcerns.topicName(a.topicKey(), locale);
            return Faces.text(
                    "followup.topicFigure",
                    topic,
                    percent.format(a.figure()),
                    percent.format(a.previousFigure()),
                    Figures.p(a.pValue(), locale));
        }
        return Faces.text(
                "followup.segmentFigure",
                Figures.signed(a.figure(), locale),
                Figures.signed(a.previousFigure(), locale),
                Figures.p(a.pValue(), locale));
    }

    public List<FollowUpNote> getNotes() {
        return row == null
                ? List.of()
                : followUps.byId(row.id()).map(FollowUp::notes).orElse(List.of());
    }

    /** Enabled users who may work on tasks. */
    public List<AppUser> getAssignees() {
        return users.all().stream()
                .filter(u -> u.enabled() && u.role() != Role.VIEWER)
                .toList();
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(FollowUpStatus.values()).map(Enum::name).toList();
    }

    public void save() throws Exception {
        if (row == null || !isMayChange()) {
            Faces.error("followup.notAllowed");
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        var messages = Faces.messages();
        String text = note == null ? null : note.strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text != null && text.length() > NOTE_MAX) {
            errors.add(messages.error("note", "tooLong", NOTE_MAX));
        } else if (text != null && !TextRules.isClean(text)) {
            errors.add(messages.error("note", "badCharacters"));
        }
        if (dueDate == null) {
            errors.add(new FieldError("dueDate", "required", Faces.text("common.required")));
        }
        AppUser newAssignee = assignee == null || assignee.isEmpty()
                ? null
                : users.byUsername(assignee)
                        .filter(u -> u.enabled() && u.role() != Role.VIEWER)
                        .orElse(null);
        if (assignee != null && !assignee.isEmpty() && newAssignee == null) {
            errors.add(messages.error("assignee", "notAssignable"));
        }
        if (!errors.isEmpty()) {
            Faces.fieldErrors("task", errors);
            return;
        }
        FollowUpStatus wanted = FollowUpStatus.valueOf(status);
        transaction.begin();
        FollowUps.Changed changed;
        try {
            FollowUp task = followUps.byId(row.id()).orElseThrow();
            changed = followUps.change(
                    task,
                    new FollowUps.Change(
                            wanted, newAssignee, newAssignee == null, dueDate, resurvey && isMayResurvey(), text),
                    currentUser.getUser().username());
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        if (changed.newAssignee() && newAssignee != null) {
            assigned.fire(new FollowUpAssigned(row.id(), newAssignee.id()));
        }
        resurveyLink = changed.resurvey().map(i -> i.path()).orElse(null);
        note = null;
        load();
        // shown once, in the page's own message (the template's growl would repeat a faces message)
        saved = Faces.text(resurveyLink == null ? "followup.saved" : "followup.savedResurvey");
    }

    /** A re-survey needs a customer to invite: it is offered only then. */
    public boolean isMayResurvey() {
        return row != null && row.customerId() != null;
    }

    public List<FollowUps.TextAnswer> getTextAnswers() {
        return textAnswers;
    }

    public String getSaved() {
        return saved;
    }

    public TaskRow getRow() {
        return row;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public boolean isResurvey() {
        return resurvey;
    }

    public void setResurvey(boolean resurvey) {
        this.resurvey = resurvey;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** The respondent's text (shown escaped). */
    public String getComment() {
        return comment;
    }

    public String getResurveyLink() {
        return resurveyLink;
    }

    /** When the task was escalated to its team's lead (null: not escalated). */
    public java.time.Instant getEscalatedAt() {
        return row == null
                ? null
                : followUps.byId(row.id()).flatMap(FollowUp::escalatedAt).orElse(null);
    }
}
