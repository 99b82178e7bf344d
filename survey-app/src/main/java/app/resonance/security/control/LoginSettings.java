package app.resonance.security.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether local accounts may sign in with their passwords (the console's form and HTTP Basic on the API). An
 * admin turns it off once single sign-on works, so that people sign in only where the company manages them;
 * API tokens keep working. Break-glass: {@code resonance.login.local.force=true} (RESONANCE_LOGIN_LOCAL_FORCE)
 * lets local accounts in whatever the setting says, for the day the provider is away.
 */
@ApplicationScoped
public class LoginSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "resonance.login.local.force", defaultValue = "false")
    boolean force;

    /** The setting as an admin sees it, and whether the break-glass override is on. */
    public record State(boolean localLogin, boolean forced, boolean singleSignOn) {

        /** Whether a password login is let in now. */
        public boolean localAllowed() {
            return localLogin || forced;
        }
    }

    @Transactional
    public State state() {
        Object value = em.createNativeQuery("SELECT local_login FROM login_setting WHERE id = 1")
                .getResultStream()
                .findFirst()
                .orElse(Boolean.TRUE);
        return new State(!Boolean.FALSE.equals(value), force, singleSignOn.enabled());
    }

    /** The setting as last read, and when: read again after {@link #CACHED}, or at once after a change here. */
    private record Read(boolean localLogin, long at) {}

    static final long CACHED = 5_000_000_000L;

    private volatile Read read;

    /**
     * Whether a password login is let in now. Asked at every password login and HTTP Basic request, so the row is
     * read at most every five seconds (another instance's change counts within that).
     */
    public boolean localAllowed() {
        if (force) {
            return true;
        }
        Read last = read;
        long now = System.nanoTime();
        if (last == null || now - last.at() > CACHED) {
            last = new Read(state().localLogin(), now);
            read = last;
        }
        return last.localLogin();
    }

    /**
     * Turns the local login on or off. Off only while single sign-on is configured: otherwise nobody could sign
     * in any more.
     *
     * @throws InvalidLoginSettingException naming the field {@code localLogin}
     */
    @Transactional
    public State change(boolean localLogin, Messages messages) {
        if (!localLogin && !singleSignOn.enabled()) {
            throw new InvalidLoginSettingException(List.of(messages.error("localLogin", "localLoginNeedsSso")));
        }
        if (state().localLogin() != localLogin) {
            em.createNativeQuery(
                            "UPDATE login_setting SET local_login = ?1, changed_by = ?2, changed_at = ?3 WHERE id = 1")
                    .setParameter(1, localLogin)
                    .setParameter(2, audit.actor())
                    .setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate();
            audit.record(
                    AuditArea.SETTING,
                    "localLogin",
                    localLogin ? "localLoginOn" : "localLoginOff",
                    AuditDetail.of("localLogin", AuditDetail.text("localLogin", localLogin)));
            read = null;
        }
        return state();
    }

    /** A login setting that cannot be made, with the field and why. */
    public static class InvalidLoginSettingException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidLoginSettingException(List<FieldError> errors) {
            super("invalid login setting");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
