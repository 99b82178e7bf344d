package app.resonance.privacy.control;

import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Jsonp;
import app.resonance.surveys.entity.HiddenFields;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Everything stored about one customer, and its erasure; the retention rule for surveys. Plain JDBC on a
 * connection whose transaction the caller commits. Erasure and anonymisation keep scores, choices and
 * segments (so trends and counts stay correct) and remove what identifies a person: the customer's name,
 * e-mail, external id and free attributes, the link from responses to the customer, free-text answers and the
 * hidden fields a response arrived with (a ticket id can point at a person).
 * Each changed response gets a response_event and a webhook_event, so analytics drops the removed texts too.
 */
public final class PersonalData {

    private PersonalData() {}

    /** What an erasure or a retention run changed. */
    public record Outcome(int responses, int texts) {}

    /** Everything stored about the customer, as JSON, or empty if there is no such (unerased) customer. */
    public static Optional<JsonObject> export(Connection c, String externalId) throws SQLException {
        JsonObjectBuilder customer = Jsonp.createObjectBuilder();
        Optional<Long> found = Jdbc.first(
                c,
                """
                SELECT id, external_id, name, email, plan, region, lifecycle_stage, renewal_date, preferred_locale,
                 created_at, updated_at FROM customer WHERE external_id = ? AND erased_at IS NULL""",
                rs -> {
                    String[] names = {
                        "externalId", "name", "email", "plan", "region", "lifecycleStage", "renewalDate", "locale"
                    };
                    for (int i = 0; i < names.length; i++) {
                        add(customer, names[i], rs.getString(i + 2));
                    }
                    customer.add("createdAt", instant(rs.getTimestamp(10)))
                            .add("updatedAt", instant(rs.getTimestamp(11)));
                    return rs.getLong(1);
                },
                externalId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long id = found.get();
        JsonObjectBuilder attributes = Jsonp.createObjectBuilder();
        Jdbc.stream(
                c,
                "SELECT attr_name, attr_value FROM customer_attribute WHERE customer_id = ? ORDER BY attr_name",
                rs -> attributes.add(rs.getString(1), rs.getString(2)),
                id);
        customer.add("attributes", attributes);
        JsonArrayBuilder responses = Jsonp.createArrayBuilder();
        for (Given response : Jdbc.list(
                c,
                """
                SELECT r.id, s.slug, r.channel, r.locale, r.status, r.submitted_at, r.hidden_fields FROM response r
                 JOIN survey s ON s.id = r.survey_id WHERE r.customer_id = ? ORDER BY r.submitted_at, r.id""",
                rs -> new Given(
                        rs.getLong(1),
                        Jsonp.createObjectBuilder()
                                .add("id", rs.getLong(1))
                                .add("survey", rs.getString(2))
                                .add("channel", rs.getString(3))
                                .add("locale", rs.getString(4))
                                .add("status", rs.getString(5))
                                .add("submittedAt", instant(rs.getTimestamp(6)))
                                .add("hiddenFields", hiddenFields(rs.getString(7)))),
                id)) {
            responses.add(response.json().add("answers", answers(c, response.id())));
        }
        JsonArrayBuilder invitations = Jsonp.createArrayBuilder();
        Jdbc.stream(
                c,
                """
                SELECT s.slug, i.created_at, i.sent_at, i.opened_at FROM invitation i
                 JOIN survey s ON s.id = i.survey_id WHERE i.customer_id = ? ORDER BY i.created_at""",
                rs -> {
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
                },
                id);
        JsonArrayBuilder suppressions = Jsonp.createArrayBuilder();
        Jdbc.stream(
                c,
                """
                SELECT reason, source, created_at, lifted_at FROM mail_suppression
                 WHERE email = (SELECT LOWER(TRIM(email)) FROM customer WHERE id = ?) ORDER BY created_at, id""",
                rs -> {
                    JsonObjectBuilder suppression = Jsonp.createObjectBuilder()
                            .add("reason", rs.getString(1))
                            .add("source", rs.getString(2))
                            .add("createdAt", instant(rs.getTimestamp(3)));
                    if (rs.getTimestamp(4) != null) {
                        suppression.add("liftedAt", instant(rs.getTimestamp(4)));
                    }
                    suppressions.add(suppression);
                },
                id);
        return Optional.of(Jsonp.createObjectBuilder()
                .add("customer", customer)
                .add("responses", responses)
                .add("invitations", invitations)
                .add("suppressions", suppressions)
                .build());
    }

    /** A response of the customer, its answers still to add. */
    private record Given(long id, JsonObjectBuilder json) {}

    private static JsonObjectBuilder hiddenFields(String stored) {
        JsonObjectBuilder fields = Jsonp.createObjectBuilder();
        HiddenFields.decode(stored).forEach(fields::add);
        return fields;
    }

    /** One response's answers, in the order of its questions. */
    private static JsonArrayBuilder answers(Connection c, long response) throws SQLException {
        JsonArrayBuilder given = Jsonp.createArrayBuilder();
        Jdbc.stream(
                c,
                """
                SELECT q.question_key, a.row_code, a.option_code, a.score, a.text_value FROM answer a
                 JOIN question q ON q.id = a.question_id WHERE a.response_id = ? ORDER BY q.position, a.id""",
                a -> {
                    JsonObjectBuilder answer = Jsonp.createObjectBuilder().add("question", a.getString(1));
                    add(answer, "row", a.getString(2));
                    add(answer, "option", a.getString(3));
                    if (a.getObject(4) != null) {
                        answer.add("score", a.getInt(4));
                    }
                    add(answer, "text", a.getString(5));
                    given.add(answer);
                },
                response);
        return given;
    }

    /** Erases a customer's personal data; empty if there is no such (unerased) customer. */
    public static Optional<Outcome> erase(Connection c, String externalId, String actor, Instant now)
            throws SQLException {
        Optional<Long> found = Jdbc.first(
                c,
                "SELECT id FROM customer WHERE external_id = ? AND erased_at IS NULL FOR UPDATE",
                rs -> rs.getLong(1),
                externalId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long id = found.get();
        List<long[]> responses = Jdbc.list(c, "SELECT id, survey_id FROM response WHERE customer_id = ?", PAIR, id);
        int texts = anonymise(c, responses, now);
        Jdbc.update(c, "DELETE FROM customer_attribute WHERE customer_id = ?", id);
        // the replies written to the customer hold their name and address: the history keeps that a reply was sent
        Jdbc.update(c, """
                UPDATE follow_up_reply SET recipient = '—', subject = '—', body = '—'
                 WHERE follow_up_id IN (SELECT id FROM follow_up WHERE customer_id = ?)""", id);
        Jdbc.update(c, """
                UPDATE customer SET external_id = ?, name = ?, email = NULL, erased_at = ?,
                 row_version = row_version + 1, updated_at = ? WHERE id = ?""", "erased-" + id, "—", now, now, id);
        log(c, "ERASURE", hash(externalId), null, responses.size(), actor, now);
        return Optional.of(new Outcome(responses.size(), texts));
    }

    /** Anonymises the responses of every survey with a retention period that ended before now. */
    public static Outcome applyRetention(Connection c, String actor, Instant now) throws SQLException {
        int responses = 0;
        int texts = 0;
        List<long[]> surveys =
                Jdbc.list(c, "SELECT id, retention_days FROM survey WHERE retention_days IS NOT NULL", PAIR);
        for (long[] survey : surveys) {
            List<long[]> due = Jdbc.list(c, """
                    SELECT id, survey_id FROM response WHERE survey_id = ? AND submitted_at < ?
                     AND anonymised_at IS NULL""", PAIR, survey[0], now.minus(Duration.ofDays(survey[1])));
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
        Jdbc.update(c, "UPDATE survey SET retention_days = ? WHERE id = ?", days, surveyId);
    }

    /** Removes texts and the links to a person from the responses; returns how many texts went. */
    private static int anonymise(Connection c, List<long[]> responses, Instant now) throws SQLException {
        int texts = 0;
        for (long[] r : responses) {
            texts += Jdbc.update(c, "DELETE FROM answer WHERE response_id = ? AND text_value IS NOT NULL", r[0]);
            Jdbc.update(c, """
                    UPDATE response SET customer_id = NULL, resume_token_hash = NULL, hidden_fields = NULL,
                     anonymised_at = ?, updated_at = ? WHERE id = ?""", now, now, r[0]);
            Jdbc.update(c, """
                    INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at)
                     VALUES (?, ?, ?, 'CHANGED', ?)""", Jdbc.nextval(c, "response_event_seq"), r[0], r[1], now);
            Jdbc.update(c, """
                    INSERT INTO webhook_event (id, response_id, survey_id, kind, occurred_at)
                     VALUES (?, ?, ?, 'CHANGED', ?)""", Jdbc.nextval(c, "webhook_event_seq"), r[0], r[1], now);
        }
        return texts;
    }

    private static void log(
            Connection c, String action, String subject, Long survey, int responses, String actor, Instant now)
            throws SQLException {
        Jdbc.update(c, """
                INSERT INTO privacy_log (id, action, subject_hash, survey_id, responses, actor, happened_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)""", Jdbc.nextval(c, "privacy_log_seq"), action, subject, survey, responses, actor, now);
    }

    /** Two numbers of a row: an id and a survey id, or a survey id and its retention days. */
    private static final Jdbc.Row<long[]> PAIR = rs -> new long[] {rs.getLong(1), rs.getLong(2)};

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
