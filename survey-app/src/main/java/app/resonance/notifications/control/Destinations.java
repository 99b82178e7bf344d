package app.resonance.notifications.control;

import app.resonance.distribution.control.MailSettings;
import app.resonance.followups.entity.AlertKind;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.webhooks.control.WebhookTargets;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers, changes, lists and removes notification destinations, sends a test message to one, and shows and
 * retries its chat messages. The full URL is kept for delivery only: it leaves here masked.
 */
@ApplicationScoped
public class Destinations {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    MailSettings mailSettings;

    @Inject
    @ConfigProperty(name = "resonance.notifications.loopback", defaultValue = "false")
    boolean loopbackAllowed;

    /** A destination as lists show it: the URL masked, the chat messages counted by status. */
    public record Destination(
            long id,
            DestinationRules.Kind kind,
            String name,
            String url,
            List<String> addresses,
            String language,
            List<AlertKind> alertKinds,
            List<String> surveys,
            boolean enabled,
            Map<String, Long> deliveries) {}

    /** One chat message to a destination. */
    public record Delivery(
            long id,
            Long followUp,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    /** The draft's errors: its form, the surveys it names, where its URL points. */
    public List<FieldError> check(DestinationRules.Draft draft, boolean keepUrl, Messages messages)
            throws SQLException {
        List<FieldError> errors = new ArrayList<>(DestinationRules.validate(draft, loopbackAllowed, keepUrl, messages));
        if (draft.surveys() != null) {
            List<String> slugs = draft.surveys().stream().distinct().toList();
            if (surveyIds(slugs).size() != slugs.size()) {
                errors.add(messages.error("surveys", "unknownSurvey"));
            }
        }
        boolean chat = DestinationRules.kind(draft.kind())
                .filter(k -> k != DestinationRules.Kind.EMAIL)
                .isPresent();
        if (chat
                && draft.url() != null
                && errors.stream().noneMatch(e -> e.field().equals("url"))) {
            URI url = URI.create(draft.url());
            if (!(loopbackAllowed && DestinationRules.isLoopback(url))) {
                targets.urlError(url, messages).ifPresent(errors::add);
            }
        }
        return errors;
    }

    /** Stores a checked draft; answers its id. */
    public long create(DestinationRules.Draft draft) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> {
            long id = Jdbc.nextval(c, "notification_destination_seq");
            Jdbc.update(
                    c,
                    "INSERT INTO notification_destination (id, kind, name, url, addresses, language, alert_kinds,"
                            + " enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    draft.kind(),
                    draft.name().strip(),
                    draft.kind().equals("EMAIL") ? null : draft.url(),
                    addresses(draft),
                    language(draft),
                    joined(draft.alertKinds()),
                    draft.enabled() == null || draft.enabled(),
                    clock.instant());
            surveys(c, id, draft.surveys());
            return id;
        });
    }

    /** Replaces a destination's settings (its URL stays when the draft has none); false when there is none. */
    public boolean update(long id, DestinationRules.Draft draft) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> {
            int changed = Jdbc.update(
                    c,
                    "UPDATE notification_destination SET kind = ?, name = ?, url = COALESCE(?, url), addresses = ?,"
                            + " language = ?, alert_kinds = ?, enabled = ? WHERE id = ?",
                    draft.kind(),
                    draft.name().strip(),
                    draft.kind().equals("EMAIL") ? null : draft.url(),
                    addresses(draft),
                    language(draft),
                    joined(draft.alertKinds()),
                    draft.enabled() == null || draft.enabled(),
                    id);
            if (changed == 1) {
                Jdbc.update(c, "DELETE FROM notification_destination_survey WHERE destination_id = ?", id);
                surveys(c, id, draft.surveys());
            }
            return changed == 1;
        });
    }

    public List<Destination> all() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(
                    c,
                    "SELECT id, kind, name, url, addresses, language, alert_kinds, enabled"
                            + " FROM notification_destination ORDER BY id",
                    rs -> {
                        long id = rs.getLong(1);
                        Map<String, Long> byStatus =
                                new LinkedHashMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "FAILED", 0L));
                        for (var count : Jdbc.list(
                                c,
                                "SELECT status, COUNT(*) FROM notification_delivery WHERE destination_id = ?"
                                        + " GROUP BY status",
                                r -> Map.entry(r.getString(1), r.getLong(2)),
                                id)) {
                            byStatus.put(count.getKey(), count.getValue());
                        }
                        return new Destination(
                                id,
                                DestinationRules.Kind.valueOf(rs.getString(2)),
                                rs.getString(3),
                                DestinationRules.mask(rs.getString(4)),
                                NotificationQueue.split(rs.getString(5)),
                                rs.getString(6),
                                NotificationQueue.split(rs.getString(7)).stream()
                                        .map(k -> AlertKind.valueOf(k))
                                        .toList(),
                                Jdbc.list(
                                        c,
                                        "SELECT s.slug FROM notification_destination_survey d JOIN survey s"
                                                + " ON s.id = d.survey_id WHERE d.destination_id = ? ORDER BY s.slug",
                                        r -> r.getString(1),
                                        id),
                                rs.getBoolean(8),
                                byStatus);
                    });
        }
    }

    public Optional<Destination> byId(long id) throws SQLException {
        return all().stream().filter(d -> d.id() == id).findFirst();
    }

    /** Removes a destination with its messages; false when there is none. */
    public boolean delete(long id) throws SQLException {
        return Jdbc.inTransaction(
                        dataSource, c -> Jdbc.update(c, "DELETE FROM notification_destination WHERE id = ?", id))
                == 1;
    }

    /** Queues a test message to the destination (also a disabled one is asked); answers how many messages. */
    public int test(long id) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> {
            var target = Jdbc.first(
                    c,
                    "SELECT id, kind, language, addresses, alert_kinds FROM notification_destination WHERE id = ?",
                    NotificationQueue::target,
                    id);
            if (target.isEmpty()) {
                return 0;
            }
            Messages messages = Messages.of(Locale.forLanguageTag(target.get().language()));
            AlertNotice notice = new AlertNotice(
                    null,
                    null,
                    messages.get("notification.testSurvey"),
                    List.of(),
                    messages.get("notification.testCustomer"),
                    null,
                    messages.get("notification.testComment"),
                    consoleBase(mailSettings) + "/admin/notifications.xhtml");
            return NotificationQueue.enqueue(c, target.get(), notice, clock.instant());
        });
    }

    /** The newest chat messages of a destination, optionally of one status. */
    public List<Delivery> deliveries(long id, String status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(
                    c,
                    "SELECT id, follow_up_id, status, attempts, last_status, last_error, created_at, next_attempt_at,"
                            + " delivered_at FROM notification_delivery WHERE destination_id = ?"
                            + " AND (status = ? OR ? = 'ALL')"
                            + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                    rs -> new Delivery(
                            rs.getLong(1),
                            rs.getObject(2) == null ? null : rs.getLong(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getObject(5) == null ? null : rs.getInt(5),
                            rs.getString(6),
                            instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9))),
                    id,
                    status == null ? "ALL" : status,
                    status == null ? "ALL" : status);
        }
    }

    /** Sends a chat message again at the next tick (also one that gave up); false when there is none. */
    public boolean retry(long id, long deliveryId) throws SQLException {
        return Jdbc.inTransaction(
                        dataSource,
                        c -> Jdbc.update(
                                c,
                                "UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = ?"
                                        + " WHERE id = ? AND destination_id = ? AND status <> 'DELIVERED'",
                                clock.instant(),
                                deliveryId,
                                id))
                == 1;
    }

    /** Where the console is: the public URL from the configuration. */
    static String consoleBase(MailSettings settings) {
        return settings.publicUrl().orElse("http://localhost:8080");
    }

    /** The ids of the surveys with these slugs that exist. */
    private List<Long> surveyIds(List<String> slugs) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String slug : slugs) {
                if (slug != null) {
                    Jdbc.first(c, "SELECT id FROM survey WHERE slug = ?", rs -> rs.getLong(1), slug)
                            .ifPresent(ids::add);
                }
            }
        }
        return ids;
    }

    private static void surveys(Connection c, long id, List<String> slugs) throws SQLException {
        for (String slug :
                slugs == null ? List.<String>of() : slugs.stream().distinct().toList()) {
            Jdbc.update(
                    c,
                    "INSERT INTO notification_destination_survey (destination_id, survey_id)"
                            + " SELECT ?, id FROM survey WHERE slug = ?",
                    id,
                    slug);
        }
    }

    private static String addresses(DestinationRules.Draft draft) {
        return draft.kind().equals("EMAIL")
                ? String.join(",", draft.addresses().stream().map(String::strip).toList())
                : null;
    }

    private static String language(DestinationRules.Draft draft) {
        return draft.language() == null ? "en" : draft.language();
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty()
                ? null
                : String.join(",", values.stream().distinct().toList());
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
}
