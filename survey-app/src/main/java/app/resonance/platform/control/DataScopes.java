package app.resonance.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The caller's {@link DataScope}: from the segments an admin gave the user ({@code app_user_segment}), read once per
 * five seconds and user (an edit on another instance is seen within that time, on this one at once). Work without a
 * caller (timers, start-up, public submissions) is not limited; the admin API and the console always have one.
 */
@ApplicationScoped
public class DataScopes {

    static final long TTL_NANOS = 5_000_000_000L;

    private record Cached(DataScope scope, long readAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    SecurityContext security;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** The signed-in caller's scope; {@link DataScope#ALL} without a caller. */
    public DataScope current() {
        String name = caller();
        return name == null ? DataScope.ALL : of(name);
    }

    /**
     * The caller's scope through a control class's injected {@code DataScopes}, or everything where the class was made
     * by hand (tools and tests, which have none).
     */
    public static DataScope callerOf(DataScopes scopes) {
        return scopes == null ? DataScope.ALL : scopes.current();
    }

    /** A user's scope by name. */
    public DataScope of(String username) {
        long now = System.nanoTime();
        Cached cached = cache.get(username);
        if (cached != null && now - cached.readAt() < TTL_NANOS) {
            return cached.scope();
        }
        DataScope scope = read(username);
        cache.put(username, new Cached(scope, now));
        return scope;
    }

    /** Forgets a user's scope after it changed here. */
    public void forget(String username) {
        cache.remove(username);
    }

    private DataScope read(String username) {
        // on the caller's connection as it is (inside a transaction: enlisted in it; its auto-commit untouched)
        try (var c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            Jdbc.stream(
                    c,
                    "SELECT s.id, s.segment_key FROM app_user u JOIN app_user_segment us ON us.user_id = u.id"
                            + " JOIN segment s ON s.id = us.segment_id WHERE u.username = ? ORDER BY s.segment_key",
                    rs -> {
                        ids.add(rs.getLong(1));
                        keys.add(rs.getString(2));
                    },
                    username);
            return new DataScope(ids, keys);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the data scope of a user", e);
        }
    }

    private String caller() {
        try {
            Principal principal = security.getCallerPrincipal();
            return principal == null ? null : principal.getName();
        } catch (RuntimeException e) {
            // no request: start-up work, timers
            return null;
        }
    }
}
