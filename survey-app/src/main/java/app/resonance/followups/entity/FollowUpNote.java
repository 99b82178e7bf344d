package app.resonance.followups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.Instant;

/** A note on a follow-up: who wrote what, when. */
@Embeddable
public class FollowUpNote implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The author of the notes the application writes itself (an escalation). */
    public static final String SYSTEM = "Resonance";

    @Column(nullable = false)
    private String author;

    @Column(name = "note_text", nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FollowUpNote() {}

    public FollowUpNote(String author, String text, Instant createdAt) {
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public String author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
