package app.resonance.digests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who gets a digest: a console user (by username; the mail goes to the user's address in the user's language) or
 * an address with its language ("de", "en").
 */
@Embeddable
public class DigestRecipient {

    @Column(name = "username")
    private String username;

    @Column(name = "email")
    private String email;

    @Column(name = "language")
    private String language;

    protected DigestRecipient() {}

    private DigestRecipient(String username, String email, String language) {
        this.username = username;
        this.email = email;
        this.language = language;
    }

    public static DigestRecipient user(String username) {
        return new DigestRecipient(username, null, null);
    }

    public static DigestRecipient address(String email, String language) {
        return new DigestRecipient(null, email, language);
    }

    /** The username, or null for an address. */
    public String username() {
        return username;
    }

    /** The address, or null for a user. */
    public String email() {
        return email;
    }

    /** The language of an address ("de", "en"); null for a user. */
    public String language() {
        return language;
    }
}
