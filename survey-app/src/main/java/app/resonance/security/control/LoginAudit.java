package app.resonance.security.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Logins in the audit log: each console login and each failed login (console form or API Basic), the name as
 * typed ({@link AuditLog#typed}, never the password). A failure's actor is {@value #ANONYMOUS}: nobody is
 * known yet. Waits of the login throttle are not entries (they check nothing), so a guessing client adds at
 * most as many entries as it is allowed failures.
 */
@ApplicationScoped
public class LoginAudit {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username) {
        audit.recordAs(
                username,
                AuditArea.LOGIN,
                username,
                "loggedIn",
                AuditDetail.of("loginMethod", AuditDetail.text("loginMethod", "form")));
    }

    /** A failed login with this name as typed, by "form" (the console) or "basic" (the API). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String typedName, String method) {
        audit.recordAs(
                ANONYMOUS,
                AuditArea.LOGIN,
                AuditLog.typed(typedName),
                "loginFailed",
                AuditDetail.of("loginMethod", AuditDetail.text("loginMethod", method)));
    }
}
