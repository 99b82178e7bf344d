package app.resonance.security.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.distribution.control.MailSettings;
import app.resonance.platform.boundary.SecurityHeaders;
import app.resonance.security.control.OidcClient.Failure;
import app.resonance.security.control.OidcClient.OidcException;
import app.resonance.security.control.OidcClient.SignedIn;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console login through an OpenID Connect provider, when one is configured ({@code resonance.oidc.*}): the
 * client for the protocol ({@link OidcClient}) and what a successful login means here. A person is known by
 * the provider's issuer and subject; the first login creates the user (a name from {@code preferred_username},
 * never an existing local account's: nobody takes over an account by naming themselves like it), and every
 * login sets the role from the person's groups at the provider, so that removing someone from a group there
 * takes their rights here at their next login. A person none of whose groups gives a role is refused.
 * A misconfiguration is logged at start and leaves single sign-on off (the local login keeps working).
 */
@ApplicationScoped
public class SingleSignOn {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());

    @Inject
    @ConfigProperty(name = "resonance.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "resonance.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "resonance.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "resonance.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    @Inject
    @ConfigProperty(name = "resonance.oidc.roles-claim", defaultValue = "groups")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "resonance.oidc.role-mapping", defaultValue = OidcSettings.DEFAULT_MAPPING)
    String roleMapping;

    @Inject
    @ConfigProperty(name = "resonance.oidc.default-role")
    Optional<String> defaultRole;

    @Inject
    @ConfigProperty(name = "resonance.oidc.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "resonance.oidc.clock-skew-seconds", defaultValue = "60")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "resonance.oidc.segment-mapping", defaultValue = " ")
    String segmentMapping;

    @Inject
    MailSettings mailSettings;

    @Inject
    Clock clock;

    @Inject
    UserDirectory users;

    @Inject
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    private Optional<OidcClient> client = Optional.empty();

    @PostConstruct
    void init() {
        try {
            client = OidcSettings.of(
                            issuer,
                            clientId,
                            clientSecret,
                            scopes,
                            rolesClaim,
                            roleMapping,
                            defaultRole,
                            name,
                            clockSkewSeconds)
                    .map(settings -> settings.withSegmentMapping(segmentMapping))
                    .map(settings -> new OidcClient(settings, clock));
            client.ifPresent(c -> {
                LOG.info("Single sign-on through " + c.settings());
                // the console's forms may lead there: logout ends the provider's session too
                SecurityHeaders.allowConsoleFormTarget(origin(c.settings().issuer()));
            });
        } catch (IllegalArgumentException e) {
            LOG.severe("Single sign-on is off: " + e.getMessage());
            client = Optional.empty();
        }
    }

    /** Reads the configuration at start: a mistake is logged at once, not at the first login. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer's bean is made, and with it init()
    }

    private static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The provider's client, if single sign-on is configured. */
    public Optional<OidcClient> client() {
        return client;
    }

    public boolean enabled() {
        return client.isPresent();
    }

    /**
     * The console's address as the browser sees it: the configured public address ({@code resonance.public.url}),
     * else this request's (behind a proxy that passes the Host header and X-Forwarded-Proto).
     */
    public String base(HttpServletRequest request) {
        Optional<String> publicUrl = mailSettings.publicUrl();
        if (publicUrl.isPresent()) {
            return publicUrl.get().strip();
        }
        String scheme =
                "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")) ? "https" : request.getScheme();
        int port = request.getServerPort();
        boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath();
    }

    /**
     * Where the browser goes at logout to end the provider's session too, then back to the login page; none
     * when the session was not one of the provider's or the provider offers no logout.
     */
    public Optional<java.net.URI> logoutAddress(String idToken, HttpServletRequest request) {
        if (idToken == null || client.isEmpty()) {
            return Optional.empty();
        }
        return client.get().logoutAddress(idToken, base(request) + "/admin/login.xhtml");
    }

    /** The provider's name for the login page's button, or empty. */
    public String providerName() {
        return client.map(c -> c.settings().name()).orElse("");
    }

    /**
     * The user of a person the provider signed in: found by issuer and subject or created, with the role
     * their groups give now, and the login audited.
     *
     * @throws OidcException with {@link Failure#NO_ROLE} or {@link Failure#DISABLED}, also audited
     */
    @Transactional(dontRollbackOn = OidcException.class)
    public AppUser signIn(SignedIn person) throws OidcException {
        OidcSettings settings = client.orElseThrow().settings();
        String typedName = person.text("preferred_username").orElse(person.subject());
        Optional<Role> role = settings.roleFor(settings.groups(person.claims()));
        Optional<AppUser> known = em.createNamedQuery(AppUser.BY_PROVIDER_SUBJECT, AppUser.class)
                .setParameter("issuer", person.issuer())
                .setParameter("subject", person.subject())
                .getResultStream()
                .findFirst();
        if (role.isEmpty()) {
            failed(known.map(AppUser::username).orElse(typedName), "noRole");
            throw new OidcException(Failure.NO_ROLE, "no group of " + typedName + " gives a role");
        }
        // where the provider sets the data scopes, a support lead or viewer in no mapped group is refused, never
        // given all data; admins are never limited
        var scope = role.get() == Role.ADMIN
                ? Optional.<OidcSettings.ProviderScope>empty()
                : settings.scopeFor(settings.groups(person.claims()));
        if (scope.isPresent()
                && !scope.get().all()
                && !segmentsExist(scope.get().segments())) {
            failed(known.map(AppUser::username).orElse(typedName), "noScope");
            throw new OidcException(Failure.NO_SCOPE, "no group of " + typedName + " gives an existing data scope");
        }
        AppUser user;
        if (known.isPresent()) {
            user = known.get();
            if (!user.enabled()) {
                failed(user.username(), "disabled");
                throw new OidcException(Failure.DISABLED, user.username() + " is disabled");
            }
            if (user.role() != role.get()) {
                audit.recordAs(
                        user.username(),
                        AuditArea.USER,
                        user.username(),
                        "roleFromProvider",
                        AuditDetail.of("role", AuditDetail.text("role", role.get())));
                user.role(role.get());
            }
        } else {
            user = users.create(
                    freeUsername(typedName),
                    displayName(person, typedName),
                    UserDirectory.randomPassword() + UserDirectory.randomPassword(),
                    role.get());
            user.signsInThrough(person.issuer(), person.subject());
            audit.recordAs(
                    user.username(),
                    AuditArea.USER,
                    user.username(),
                    "createdByProvider",
                    AuditDetail.of("role", AuditDetail.text("role", role.get())));
        }
        if (scope.isPresent()) {
            List<String> keys = scope.get().all() ? List.of() : scope.get().segments();
            if (!users.segmentKeys(user.username()).equals(keys)) {
                users.limit(user.username(), keys, app.resonance.platform.control.Messages.of(Locale.ENGLISH));
            }
        } else if (role.get() == Role.ADMIN
                && !users.segmentKeys(user.username()).isEmpty()) {
            users.limit(user.username(), List.of(), app.resonance.platform.control.Messages.of(Locale.ENGLISH));
        }
        person.text("email").filter(email -> email.length() <= 254).ifPresent(email -> {
            if (user.email().isEmpty()) {
                user.contact(
                        email, person.text("locale").map(SingleSignOn::language).orElse(null));
            }
        });
        audit.recordAs(
                user.username(),
                AuditArea.LOGIN,
                user.username(),
                "loggedIn",
                AuditDetail.of("loginMethod", AuditDetail.text("loginMethod", "oidc")));
        return user;
    }

    /** Whether the keys name segments that exist, at least one. */
    private boolean segmentsExist(List<String> keys) {
        if (keys.isEmpty()) {
            return false;
        }
        for (String key : keys) {
            Number found = (Number) em.createNativeQuery("SELECT COUNT(*) FROM segment WHERE segment_key = ?")
                    .setParameter(1, key)
                    .getSingleResult();
            if (found.longValue() == 0) {
                return false;
            }
        }
        return true;
    }

    /** A failed login through the provider, in the audit log, by the name the provider gave. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String typedName, String reason) {
        audit.recordAs(
                LoginAudit.ANONYMOUS,
                AuditArea.LOGIN,
                AuditLog.typed(typedName),
                "loginFailed",
                AuditDetail.of("loginMethod", AuditDetail.text("loginMethod", "oidc")),
                AuditDetail.of("ssoFailure", AuditDetail.text("ssoFailure", reason)));
    }

    /** The provider's name for the person as a user name here, unused by anybody: "dora", else "dora-2", ... */
    String freeUsername(String preferred) {
        String base = Normalizer.normalize(preferred, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("@.*$", "")
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "sso-" + base;
        }
        base = base.substring(0, Math.min(base.length(), 50));
        for (int n = 1; n < 1000; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (UserDirectory.USERNAME.matcher(candidate).matches()
                    && users.byUsername(candidate).isEmpty()) {
                return candidate;
            }
        }
        return "sso-"
                + OidcClient.random().substring(0, 20).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
    }

    private static String displayName(SignedIn person, String fallback) {
        String name = person.text("name").orElse(fallback);
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    /** "de" for "de-CH" or "de_DE"; the console speaks German and English. */
    static String language(String locale) {
        String language = locale.toLowerCase(Locale.ROOT);
        return language.startsWith("de") ? "de" : language.startsWith("en") ? "en" : null;
    }
}
