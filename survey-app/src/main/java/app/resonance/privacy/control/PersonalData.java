package app.resonance.privacy.control;

import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Everything stored about one customer, and its erasure; the retention rule for surveys. Plain JDBC on a
 * connection whose transaction the caller commits. Erasure and anonymisation keep scores, choices and
 * segments (so trends and counts stay correct) and remove what identifies a person: the customer's name,
 * e-mail, external id and free attributes, the link from responses to the customer, and free-text answers.
 * Each changed response gets a response_event and a webhook_event, so analytics drops the removed texts too.
 */
public final class PersonalData {

    private PersonalData() {}

    /** What an erasure or a retention run changed. */
    public record Outcome(int responses, int texts) {}

    /** Everything stored about the customer, as JSON, or empty if there is no such (unerased) customer. */
    public static Optional<JsonObject> export(Connection c, String externalId) throws SQLException {
        JsonObjectBuilder customer = Jsonp.createObjectBuilder();
        long id;
        try (var s = c.prepareStatement("SELECT id, external_id, name, email, plan, region, lifecycle_stage,"
                + " renewal_date, preferred_locale, created_at, updated_at FROM customer"
                + " WHERE external_id = ? AND erased_at IS NULL")) {
            s.setString(1, externalId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                String[] names = {
                    "externalId", "name", "email", "plan", "region", "lifecycleStage", "renewalDate", "locale"
                };
                for (int i = 0; i < names.length; i++) {
                    String value = rs.getString(i + 2);
                    if (value != null) {
                        customer.add(names[i], value);
                    }
                }
                customer.add("createdAt", instant(rs.getTimestamp(10))).add("updatedAt", instant(rs.getTimestamp(11)));
            }
        }
        JsonObjectBuilder attributes = Jsonp.createObjectBuilder();
        try (var s = c.prepareStatement(
                "SELECT attr_name, attr_value FROM customer_attribute WHERE customer_id = ? ORDER BY attr_name")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    attributes.add(rs.getString(1), rs.getString(2));
                }
            }
        }
        customer.add("attributes", attributes);
        JsonArrayBuilder responses = Jsonp.createArrayBuilder();
        try (var s = c.prepareStatement(
                        "SELECT r.id, s.slug, r.channel, r.locale, r.status, r.submitted_at"
                                + " FROM response r JOIN survey s ON s.id = r.survey_id WHERE r.customer_id = ? ORDER BY r.submitted_at, r.id");
                var answers = c.prepareStatement(
                        "SELECT q.question_key, a.row_code, a.option_code, a.score, a.text_value"
                                + " FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ? ORDER BY q.position, a.id")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonArrayBuilder given = Jsonp.createArrayBuilder();
                    answers.setLong(1, rs.getLong(1));
                    try (var a = answers.executeQuery()) {
                        while (a.next()) {
                            JsonObjectBuilder answer =
                                    Jsonp.createObjectBuilder().add("question", a.getString(1));
                            add(answer, "row", a.getString(2));
                            add(answer, "option", a.getString(3));
                            if (a.getObject(4) != null) {
                                answer.add("score", a.getInt(4));
                            }
                            add(answer, "text", a.getString(5));
                            given.add(answer);
                        }
                    }
                    responses.add(Jsonp.createObjectBuilder()
                            .add("id", rs.getLong(1))
                            .add("survey", rs.getString(2))
                            .add("channel", rs.getString(3))
                            .add("locale", rs.getString(4))
                            .add("status", rs.getString(5))
                            .add("submittedAt", instant(rs.getTimestamp(6)))
                            .add("answers", given));
                }
            }
        }
        JsonArrayBuilder invitations = Jsonp.createArrayBuilder();
        try (var s = c.prepareStatement("SELECT s.slug, i.created_at, i.sent_at, i.opened_at FROM invitation i"
                + " JOIN survey s ON s.id = i.survey_id WHERE i.customer_id = ? ORDER BY i.created_at")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder invitation = Jsonp.createObjectBuilder()
                            .add("survey", rs.getString(1))
                            .add("createdAt", instant(rs.getTimestamp(2)));
                    if (rs.getTimestamp(3) != null) {
                        invitation.add("sentAt", instant(rs.getTimestamp(3)));
                    }
                    if (rs.getTimestamp(4) != null) {
                        invitation.add("openedAt", instant(rs.getTimestamp(4)));
                    }
                    invitations.add(invitation);
                }
            }
        }
        return Optional.of(Jsonp.createObjectBuilder()
                .add("customer", customer)
                .add("responses", responses)
                .add("invitations", invitations)
                .build());
    }

    /** Erases a customer's personal data; empty if there is no such (unerased) customer. */
    public static Optional<Outcome> erase(Connection c, String externalId, String actor, Instant now)
            throws SQLException {
        Long id = null;
        try (var s =
                c.prepareStatement("SELECT id FROM customer WHERE external_id = ? AND erased_at IS NULL FOR UPDATE")) {
            s.setString(1, externalId);
            try (var rs = s.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        List<long[]> responses = responses(c, "SELECT id, survey_id FROM response WHERE customer_id = ?", id);
        int texts = anonymise(c, responses, now);
        update(c, "DELETE FROM customer_attribute WHERE customer_id = ?", id);
        try (var s = c.prepareStatement(
                "UPDATE customer SET external_id = ?, name = ?, email = NULL, erased_at = ?, row_version = row_version + 1,"
                        + " updated_at = ? WHERE id = ?")) {
            s.setString(1, "erased-" + id);
            s.setString(2, "—");
            s.setTimestamp(3, Jdbc.utc(now));
            s.setTimestamp(4, Jdbc.utc(now));
            s.setLong(5, id);
            s.executeUpdate();
        }
        log(c, "ERASURE", hash(externalId), null, responses.size(), actor, now);
        return Optional.of(new Outcome(responses.size(), texts));
    }

    /** Anonymises the responses of every survey with a retention period that ended before now. */
    public static Outcome applyRetention(Connection c, String actor, Instant now) throws SQLException {
        int responses = 0;
        int texts = 0;
        List<long[]> surveys = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT id, retention_days FROM survey WHERE retention_days IS NOT NULL");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                surveys.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        for (long[] survey : surveys) {
            Timestamp before = Jdbc.utc(now.minus(java.time.Duration.ofDays(survey[1])));
            List<long[]> due;
            try (var s = c.prepareStatement("SELECT id, survey_id FROM response WHERE survey_id = ?"
                    + " AND submitted_at < ? AND anonymised_at IS NULL")) {
                s.setLong(1, survey[0]);
                s.setTimestamp(2, before);
                due = read(s);
            }
            if (due.isEmpty()) {
                continue;
            }
            texts += anonymise(c, due, now);
            responses += due.size();
            log(c, "RETENTION", null, survey[0], due.size(), actor, now);
        }
        return new Outcome(responses, texts);
    }

    public static void retention(Connection c, long surveyId, Integer days) throws SQLException {
        try (var s = c.prepareStatement("UPDATE survey SET retention_days = ? WHERE id = ?")) {
            s.setObject(1, days);
            s.setLong(2, surveyId);
            s.executeUpdate();
        }
    }

    /** Removes texts and the links to a person from the responses; returns how many texts went. */
    private static int anonymise(Connection c, List<long[]> responses, Instant now) throws SQLException {
        int texts = 0;
        try (var deleteTexts =
                        c.prepareStatement("DELETE FROM answer WHERE response_id = ? AND text_value IS NOT NULL");
                var unlink = c.prepareStatement("UPDATE response SET customer_id = NULL, resume_token_hash = NULL,"
                        + " anonymised_at = ?, updated_at = ? WHERE id = ?");
                var event =
                        c.prepareStatement("INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at)"
                                + " VALUES (?, ?, ?, 'CHANGED', ?)");
                var hook =
                        c.prepareStatement("INSERT INTO webhook_event (id, response_id, survey_id, kind, occurred_at)"
                                + " VALUES (?, ?, ?, 'CHANGED', ?)")) {
            for (long[] r : responses) {
                deleteTexts.setLong(1, r[0]);
                texts += deleteTexts.executeUpdate();
                unlink.setTimestamp(1, Jdbc.utc(now));
                unlink.setTimestamp(2, Jdbc.utc(now));
                unlink.setLong(3, r[0]);
                unlink.executeUpdate();
                event.setLong(1, Jdbc.nextval(c, "response_event_seq"));
                event.setLong(2, r[0]);
                event.setLong(3, r[1]);
                event.setTimestamp(4, Jdbc.utc(now));
                event.executeUpdate();
                hook.setLong(1, Jdbc.nextval(c, "webhook_event_seq"));
                hook.setLong(2, r[0]);
                hook.setLong(3, r[1]);
                hook.setTimestamp(4, Jdbc.utc(now));
                hook.executeUpdate();
            }
        }
        return texts;
    }

    private static void log(
            Connection c, String action, String subject, Long survey, int responses, String actor, Instant now)
            throws SQLException {
        try (var s =
                c.prepareStatement("INSERT INTO privacy_log (id, action, subject_hash, survey_id, responses, actor,"
                        + " happened_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, Jdbc.nextval(c, "privacy_log_seq"));
            s.setString(2, action);
            s.setString(3, subject);
            s.setObject(4, survey);
            s.setInt(5, responses);
            s.setString(6, actor);
            s.setTimestamp(7, Jdbc.utc(now));
            s.executeUpdate();
        }
    }

    private static List<long[]> responses(Connection c, String sql, long id) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            return read(s);
        }
    }

    private static List<long[]> read(PreparedStatement s) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return rows;
    }

    private static void update(Connection c, String sql, long id) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTC (as stored) in one precision, like the response exports: {@code 2026-11-23T10:00:00.000Z}. */
    private static String instant(Timestamp t) {
        return UTC_MILLIS.format(t.toLocalDateTime());
    }

    private static final java.time.format.DateTimeFormatter UTC_MILLIS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
}
