package app.resonance.webhooks.control;

import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Outbox;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook deliveries in the one outbox ({@link Outbox}), in plain JDBC on a connection whose transaction the
 * caller commits: turns webhook events into deliveries for the endpoints registered when they happened (each
 * event consumed once), and reads what a claimed delivery needs (address, secret, payload). Claiming with a
 * lease, retries and giving up are the outbox's.
 */
public final class WebhookOutbox {

    /** After this many failed attempts (about two days with the default pause) a delivery gives up. */
    public static final int MAX_ATTEMPTS = 15;

    static final Duration MAX_PAUSE = Duration.ofHours(6);

    /**
     * Webhook deliveries in the one outbox: 15 attempts, 30 seconds (configurable) doubling up to six hours;
     * only deliveries to an active endpoint are due.
     */
    public static final Outbox.Channel CHANNEL = new Outbox.Channel(
            "webhook_delivery",
            MAX_ATTEMPTS,
            Duration.ofSeconds(30),
            MAX_PAUSE,
            "endpoint_id IN (SELECT id FROM webhook_endpoint WHERE active = TRUE)",
            List.of());

    private WebhookOutbox() {}

    /** A delivery to make now. */
    public record Due(
            long id, String url, String secret, long eventId, String eventType, String payload, int attempts) {}

    /**
     * Turns up to {@code limit} webhook events into deliveries for the endpoints registered when each
     * happened, and deletes them; returns how many events were consumed. Two instances doing this at once
     * collide on the unique delivery key, and one of them rolls back and tries again at its next tick.
     */
    public static int fanOut(Connection c, Instant now, int limit) throws SQLException {
        record Event(long id, long responseId, long surveyId, String kind, Timestamp at, String data) {}
        List<Event> events = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT id, response_id, survey_id, kind, occurred_at, data FROM webhook_event"
                + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getTimestamp(5),
                            rs.getString(6)));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        try (var endpoints = c.prepareStatement("SELECT id FROM webhook_endpoint WHERE active = TRUE"
                        + " AND created_at <= ? AND (survey_id IS NULL OR survey_id = ?)");
                var insert = c.prepareStatement("INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type,"
                        + " payload, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
                var delete = c.prepareStatement("DELETE FROM webhook_event WHERE id = ?")) {
            for (Event e : events) {
                delete.setLong(1, e.id());
                delete.addBatch();
                endpoints.setTimestamp(1, e.at());
                endpoints.setLong(2, e.surveyId());
                List<Long> targets = new ArrayList<>();
                try (var rs = endpoints.executeQuery()) {
                    while (rs.next()) {
                        targets.add(rs.getLong(1));
                    }
                }
                if (targets.isEmpty()) {
                    continue;
                }
                String type = WebhookEventType.ofResponseKind(e.kind())
                        .map(WebhookEventType::wireName)
                        .orElse("response." + e.kind().toLowerCase(java.util.Locale.ROOT));
                String payload = e.data() != null
                        ? dataPayload(c, e.id(), type, e.surveyId(), e.data(), e.at().toLocalDateTime())
                        : payload(c, e.id(), type, e.responseId(), e.at().toLocalDateTime());
                if (payload == null) {
                    continue;
                }
                for (long endpoint : targets) {
                    insert.setLong(1, Jdbc.nextval(c, "webhook_delivery_seq"));
                    insert.setLong(2, endpoint);
                    insert.setLong(3, e.id());
                    insert.setString(4, type);
                    insert.setString(5, payload);
                    insert.setTimestamp(6, Jdbc.utc(now));
                    insert.setTimestamp(7, Jdbc.utc(now));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            int[] deleted = delete.executeBatch();
            for (int d : deleted) {
                if (d == 0) {
                    // Another instance consumed these events meanwhile: leave them to it.
                    throw new SQLException("webhook events consumed concurrently", "40001");
                }
            }
        }
        return events.size();
    }

    /** The event as the receiver gets it: the response as it was when the event was read. */
    static String payload(Connection c, long eventId, String type, long responseId, LocalDateTime at)
            throws SQLException {
        JsonObjectBuilder response = Jsonp.createObjectBuilder().add("id", responseId);
        String slug;
        try (var s = c.prepareStatement("SELECT s.slug, s.anonymous, r.status, r.channel, r.locale, r.submitted_at,"
                + " c.external_id FROM response r JOIN survey s ON s.id = r.survey_id"
                + " LEFT JOIN customer c ON c.id = r.customer_id WHERE r.id = ?")) {
            s.setLong(1, responseId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                slug = rs.getString(1);
                response.add("status", rs.getString(3))
                        .add("channel", rs.getString(4))
                        .add("locale", rs.getString(5))
                        .add(
                                "submittedAt",
                                rs.getTimestamp(6)
                                        .toLocalDateTime()
                                        .toInstant(ZoneOffset.UTC)
                                        .toString());
                if (!rs.getBoolean(2) && rs.getString(7) != null) {
                    response.add("customer", rs.getString(7));
                }
            }
        }
        response.add("answers", answers(c, responseId));
        return Jsonp.createObjectBuilder()
                .add("id", "evt_" + eventId)
                .add("type", type)
                .add("occurredAt", at.toInstant(ZoneOffset.UTC).toString())
                .add("survey", slug)
                .add("response", response)
                .build()
                .toString();
    }

    /** An alert or task event: its id, type, time and survey, then the object it carries ({@code alert}). */
    static String dataPayload(Connection c, long eventId, String type, long surveyId, String data, LocalDateTime at)
            throws SQLException {
        JsonObjectBuilder event = Jsonp.createObjectBuilder()
                .add("id", "evt_" + eventId)
                .add("type", type)
                .add("occurredAt", at.toInstant(ZoneOffset.UTC).toString())
                .add(
                        "survey",
                        Jdbc.first(c, "SELECT slug FROM survey WHERE id = ?", rs -> rs.getString(1), surveyId)
                                .orElse(""));
        try (var reader = Jsonp.createReader(new java.io.StringReader(data))) {
            reader.readObject().forEach(event::add);
        }
        return event.build().toString();
    }

    private static JsonObjectBuilder answers(Connection c, long responseId) throws SQLException {
        Map<String, Object> byKey = new LinkedHashMap<>();
        try (var s = c.prepareStatement("SELECT q.question_key, q.question_type, a.row_code, a.option_code, a.score,"
                + " a.text_value FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ?"
                + " ORDER BY q.position, a.id")) {
            s.setLong(1, responseId);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    String type = rs.getString(2);
                    if ("MULTIPLE_CHOICE".equals(type)) {
                        @SuppressWarnings("unchecked")
                        var list = (List<String>) byKey.computeIfAbsent(key, k -> new ArrayList<String>());
                        list.add(rs.getString(4));
                    } else if ("MATRIX".equals(type)) {
                        @SuppressWarnings("unchecked")
                        var rows = (Map<String, String>)
                                byKey.computeIfAbsent(key, k -> new LinkedHashMap<String, String>());
                        rows.put(rs.getString(3), rs.getString(4));
                    } else if (rs.getObject(5) != null) {
                        byKey.put(key, rs.getInt(5));
                    } else {
                        byKey.put(key, rs.getString(6) != null ? rs.getString(6) : rs.getString(4));
                    }
                }
            }
        }
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        byKey.forEach((key, value) -> {
            if (value instanceof Integer i) {
                json.add(key, i);
            } else if (value instanceof List<?> list) {
                JsonArrayBuilder array = Jsonp.createArrayBuilder();
                list.forEach(v -> array.add(String.valueOf(v)));
                json.add(key, array);
            } else if (value instanceof Map<?, ?> map) {
                JsonObjectBuilder rows = Jsonp.createObjectBuilder();
                map.forEach((row, column) -> rows.add(String.valueOf(row), String.valueOf(column)));
                json.add(key, rows);
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}; another instance skips them meanwhile. */
    public static List<Due> claimDue(Connection c, Instant now, int limit, Duration lease) throws SQLException {
        List<Due> claimed = new ArrayList<>();
        try (var s = c.prepareStatement("""
                SELECT e.url, e.secret, d.event_id, d.event_type, d.payload
                FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.id = ?""")) {
            for (Outbox.Claimed row : Outbox.claim(c, CHANNEL, now, limit, lease)) {
                s.setLong(1, row.id());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        claimed.add(new Due(
                                row.id(),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                row.attempts()));
                    }
                }
            }
        }
        return claimed;
    }

    public static void delivered(Connection c, long id, int status, Instant now) throws SQLException {
        Outbox.delivered(c, CHANNEL, id, status, now);
    }

    /** Records a failed attempt: the next one after a growing pause, or none after {@link #MAX_ATTEMPTS}. */
    public static void failed(Connection c, Due due, Integer status, String error, Instant now, Duration base)
            throws SQLException {
        Outbox.failed(c, CHANNEL.withBasePause(base), new Outbox.Claimed(due.id(), due.attempts()), status, error, now);
    }

    /** The pause after the n-th failed attempt: base, 2 base, 4 base ... at most six hours. */
    public static Duration pause(int attempts, Duration base) {
        return CHANNEL.withBasePause(base).pause(attempts);
    }
}
