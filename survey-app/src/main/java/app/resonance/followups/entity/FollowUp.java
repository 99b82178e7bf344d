package app.resonance.followups.entity;

import app.resonance.security.entity.AppUser;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A follow-up task: created for an alerting response (or a segment decline), assigned to a support lead,
 * with a due date, a status, notes, and whether the customer is to be surveyed again once it is done.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "response_id")
    private Long responseId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "segment_id")
    private Long segmentId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private AppUser assignee;

    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FollowUpStatus status;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(nullable = false)
    private boolean resurvey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The team the routing sent the task to (null: none). */
    @Column(name = "team_id")
    private Long teamId;

    /** When the task is due, to the hour (null: at the end of its due date). */
    @Column(name = "due_at")
    private Instant dueAt;

    /** When the task was escalated to its team's lead (once; null: not). */
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "dedup_key", nullable = false)
    private String dedupKey;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @ElementCollection
    @CollectionTable(name = "follow_up_note", joinColumns = @JoinColumn(name = "follow_up_id"))
    @OrderColumn(name = "position")
    private List<FollowUpNote> notes = new ArrayList<>();

    protected FollowUp() {}

    public boolean isOverdue(LocalDate today) {
        return !status.isClosed() && dueDate.isBefore(today);
    }

    public void assign(AppUser user, Instant now) {
        this.assignee = user;
        this.updatedAt = now;
    }

    public void due(LocalDate date, Instant now) {
        this.dueDate = date;
        this.dueAt = null;
        this.updatedAt = now;
    }

    /** Hands the task to its team's lead, once, with a note in its history. */
    public void escalate(AppUser lead, String note, Instant now) {
        this.assignee = lead;
        this.escalatedAt = now;
        addNote(FollowUpNote.SYSTEM, note, now);
    }

    public void resurvey(boolean resurvey, Instant now) {
        this.resurvey = resurvey;
        this.updatedAt = now;
    }

    public void status(FollowUpStatus status, Instant now) {
        this.status = status;
        this.closedAt = status.isClosed() ? now : null;
        this.updatedAt = now;
    }

    public void addNote(String author, String text, Instant now) {
        notes.add(new FollowUpNote(author, text, now));
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long surveyId() {
        return surveyId;
    }

    public Long responseId() {
        return responseId;
    }

    public Long customerId() {
        return customerId;
    }

    public Long segmentId() {
        return segmentId;
    }

    public Optional<AppUser> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public FollowUpStatus status() {
        return status;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public boolean resurvey() {
        return resurvey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Optional<Long> teamId() {
        return Optional.ofNullable(teamId);
    }

    public Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    public Optional<Instant> escalatedAt() {
        return Optional.ofNullable(escalatedAt);
    }

    public long rowVersion() {
        return rowVersion;
    }

    public List<FollowUpNote> notes() {
        return List.copyOf(notes);
    }
}
