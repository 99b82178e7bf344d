package app.resonance.security.boundary;

import app.resonance.security.control.OidcClient;
import app.resonance.security.control.OidcClient.Failure;
import app.resonance.security.control.OidcClient.OidcException;
import app.resonance.security.control.OidcClient.Pending;
import app.resonance.security.control.SingleSignOn;
import app.resonance.security.entity.AppUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's single sign-on: {@code GET /admin/sso} starts a login at the OpenID Connect provider (the
 * login's state, nonce and PKCE verifier stay in the browser's session, which the cluster replicates), and
 * {@code GET /admin/sso/callback} takes the provider's answer: the state must be this session's and at most ten
 * minutes old (used once), the code is exchanged and the ID token checked ({@link OidcClient}), and the user is
 * signed in with a new session id, as after a password login. Every failure sends the browser back to the login
 * page with a reason it can show ({@code ?sso=state}, {@code invalid_token}, ...), and nothing is signed in.
 * Without single sign-on configured both answer 404.
 */
@WebServlet(urlPatterns = {SingleSignOnServlet.START, SingleSignOnServlet.CALLBACK})
public class SingleSignOnServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SingleSignOnServlet.class.getName());

    public static final String START = "/admin/sso";
    public static final String CALLBACK = "/admin/sso/callback";
    /** The session attribute with the login under way. */
    static final String PENDING = "resonance.sso.pending";
    /** The session attribute with the ID token of a login through the provider (the hint at logout). */
    public static final String ID_TOKEN = "resonance.sso.idToken";

    @Inject
    transient SingleSignOn singleSignOn;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OidcClient> client = singleSignOn.client();
        if (client.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().equals(CALLBACK)) {
            callback(client.get(), request, response);
        } else {
            start(client.get(), request, response);
        }
    }

    private void start(OidcClient client, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pending pending = client.begin();
        try {
            String address =
                    client.authorizationAddress(pending, redirectUri(request)).toString();
            request.getSession(true).setAttribute(PENDING, pending);
            response.sendRedirect(address);
        } catch (OidcException e) {
            fail(request, response, e, null);
        }
    }

    private void callback(OidcClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpSession session = request.getSession(false);
        Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING); // one answer per login: a replayed one finds nothing
        }
        String state = request.getParameter("state");
        try {
            if (pending == null || state == null || !same(state, pending.state()) || pending.expired(clock.instant())) {
                throw new OidcException(Failure.STATE, "the answer belongs to no login started in this browser");
            }
            if (request.getParameter("error") != null) {
                throw new OidcException(
                        Failure.REFUSED, "the provider answered " + printable(request.getParameter("error")));
            }
            String code = request.getParameter("code");
            if (code == null || code.isBlank() || code.length() > 4096) {
                throw new OidcException(Failure.REFUSED, "the provider sent no code");
            }
            OidcClient.SignedIn person = client.finish(code, pending, redirectUri(request));
            AppUser user = singleSignOn.signIn(person);
            request.changeSessionId(); // a session id planted before the login is worth nothing
            HttpSession signedIn = request.getSession(true);
            signedIn.setAttribute(ApiAuthenticationMechanism.SESSION_USER, user.username());
            signedIn.setAttribute(ID_TOKEN, person.idToken());
            response.sendRedirect(request.getContextPath() + "/admin/index.xhtml");
        } catch (OidcException e) {
            fail(request, response, e, pending);
        } catch (RuntimeException e) {
            // the database, most likely: nobody is signed in, the login page says to try again
            LOG.log(Level.WARNING, "A login through the provider failed", e);
            redirectToLogin(request, response, Failure.UNREACHABLE);
        }
    }

    private void fail(HttpServletRequest request, HttpServletResponse response, OidcException e, Pending pending)
            throws IOException {
        LOG.warning("Login through the provider refused (" + e.failure() + "): " + e.getMessage());
        if (pending != null
                && e.failure() != Failure.NO_ROLE
                && e.failure() != Failure.DISABLED
                && e.failure() != Failure.NO_SCOPE) {
            try {
                singleSignOn.failed("", e.failure().name().toLowerCase(Locale.ROOT));
            } catch (RuntimeException audit) {
                LOG.log(Level.WARNING, "The failed login could not be audited", audit);
            }
        }
        redirectToLogin(request, response, e.failure());
    }

    private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, Failure failure)
            throws IOException {
        response.sendRedirect(request.getContextPath() + ApiAuthenticationMechanism.LOGIN_PAGE + "?sso="
                + failure.name().toLowerCase(Locale.ROOT));
    }

    /** Where the provider sends the browser back. */
    String redirectUri(HttpServletRequest request) {
        return singleSignOn.base(request) + CALLBACK;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) : text;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
