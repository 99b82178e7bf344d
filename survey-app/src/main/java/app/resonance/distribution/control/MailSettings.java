package app.resonance.distribution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMTP server and sender (MicroProfile Config {@code resonance.mail.*}). */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "resonance.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "resonance.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "resonance.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "resonance.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "resonance.mail.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "resonance.mail.from", defaultValue = "feedback@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "resonance.public.url")
    Optional<String> publicUrl;

    public MailSettings() {}

    /** For use outside the container (tests). */
    public MailSettings(String host, int port, String from) {
        this.host = host;
        this.port = port;
        this.from = from;
        this.username = Optional.empty();
        this.password = Optional.empty();
        this.publicUrl = Optional.empty();
    }

    public Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.auth", String.valueOf(username.isPresent()));
        return properties;
    }

    /** The SMTP server as host:port, for messages. */
    public String server() {
        return host + ":" + port;
    }

    public Optional<String> username() {
        return username.filter(u -> !u.isBlank());
    }

    public Optional<String> password() {
        return password;
    }

    public String from() {
        return from;
    }

    /** Nobody is invited again within this many days of an invitation to any survey. */

    /** The address links in mails start with, if configured; otherwise the caller's own base address. */
    public Optional<String> publicUrl() {
        return publicUrl.filter(u -> !u.isBlank()).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }
}
