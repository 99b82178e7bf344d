package app.resonance.webhooks.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Registers, lists and retires webhook endpoints, and shows and retries their deliveries. */
@ApplicationScoped
public class WebhookEndpoints {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    /** A registered endpoint with its delivery counts; the secret only right after registering. */
    public record Endpoint(
            long id,
            String url,
            String description,
            String survey,
            boolean active,
            String secret,
            Map<String, Long> deliveries) {}

    public record Delivery(
            long id,
            String event,
            String type,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            java.time.Instant nextAttemptAt,
            java.time.Instant deliveredAt) {}

    /** The errors of an endpoint's URL: http(s), a host, no credentials (where it points: {@link #check}). */
    public static List<FieldError> validate(String url, String description, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        try {
            URI uri = url == null || url.length() > 2000 ? null : new URI(url);
            String scheme = uri == null || uri.getScheme() == null
                    ? ""
                    : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri == null
                    || !(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                errors.add(messages.error("url", "webhookUrl"));
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(messages.error("url", "webhookUrl"));
        }
        if (description != null
                && (description.length() > 200 || !app.resonance.platform.control.TextRules.isClean(description))) {
            errors.add(messages.error("description", "tooLong", 200));
        }
        return errors;
    }

    /**
     * The errors of a new endpoint: the URL's form and its description ({@link #validate}), then where the
     * URL points: a host that resolves to public addresses only, or one allowed as a private host.
     */
    public List<FieldError> check(String url, String description, Messages messages) {
        List<FieldError> errors = new ArrayList<>(validate(url, description, messages));
        if (errors.stream().noneMatch(e -> e.field().equals("url"))) {
            targets.urlError(URI.create(url), messages).ifPresent(errors::add);
        }
        return errors;
    }

    public Endpoint register(String url, String description, Long surveyId, String surveySlug) throws SQLException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String secret = WebhookSignature.newSecret(bytes);
        try (Connection c = dataSource.getConnection()) {
            long id = Jdbc.nextval(c, "webhook_endpoint_seq");
            try (var s = c.prepareStatement("INSERT INTO webhook_endpoint (id, url, secret, description, survey_id,"
                    + " active, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")) {
                s.setLong(1, id);
                s.setString(2, url);
                s.setString(3, secret);
                s.setString(4, description);
                s.setObject(5, surveyId);
                s.setTimestamp(6, Jdbc.utc(clock.instant()));
                s.executeUpdate();
            }
            return new Endpoint(id, url, description, surveySlug, true, secret, Map.of());
        }
    }

    public List<Endpoint> all() throws SQLException {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT e.id, e.url, e.description, s.slug, e.active FROM webhook_endpoint e"
                        + " LEFT JOIN survey s ON s.id = e.survey_id ORDER BY e.id");
                var counts = c.prepareStatement(
                        "SELECT status, COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? GROUP BY status")) {
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Long> byStatus =
                            new LinkedHashMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "FAILED", 0L));
                    counts.setLong(1, rs.getLong(1));
                    try (var crs = counts.executeQuery()) {
                        while (crs.next()) {
                            byStatus.put(crs.getString(1), crs.getLong(2));
                        }
                    }
                    endpoints.add(new Endpoint(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            null,
                            byStatus));
                }
            }
        }
        return endpoints;
    }

    public Optional<Endpoint> byId(long id) throws SQLException {
        return all().stream().filter(e -> e.id() == id).findFirst();
    }

    /** The newest deliveries of an endpoint, optionally of one status. */
    public List<Delivery> deliveries(long endpointId, String status, int limit) throws SQLException {
        List<Delivery> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT id, event_id, event_type, status, attempts, last_status, last_error,"
                        + " next_attempt_at, delivered_at FROM webhook_delivery WHERE endpoint_id = ?"
                        + " AND (? IS NULL OR status = ?) ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setLong(1, endpointId);
            s.setString(2, status);
            s.setString(3, status);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Delivery(
                            rs.getLong(1),
                            "evt_" + rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            (Integer) rs.getObject(6),
                            rs.getString(7),
                            instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9))));
                }
            }
        }
        return result;
    }

    /** Sends a delivery again at the next tick (also one that gave up). Returns false if there is none. */
    public boolean retry(long endpointId, long deliveryId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?"
                        + " WHERE id = ? AND endpoint_id = ? AND status <> 'DELIVERED'")) {
            s.setTimestamp(1, Jdbc.utc(clock.instant()));
            s.setLong(2, deliveryId);
            s.setLong(3, endpointId);
            return s.executeUpdate() == 1;
        }
    }

    /** Stops deliveries to an endpoint; what was delivered stays visible. */
    public boolean deactivate(long endpointId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("UPDATE webhook_endpoint SET active = FALSE WHERE id = ?")) {
            s.setLong(1, endpointId);
            return s.executeUpdate() == 1;
        }
    }

    private static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
}
