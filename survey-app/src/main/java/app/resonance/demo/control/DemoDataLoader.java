package app.resonance.demo.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.Segment;
import app.resonance.customers.entity.SegmentRule;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.entity.LocalizedText;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo at the first start when {@code resonance.demo.enabled} is true: four surveys, five
 * segments, 1,500 customers and 22,000 responses over the last twelve months. Written with JDBC
 * batches in one transaction, so it takes seconds; a marker row makes a second start skip it.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "FirstAdmin"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());
    static final String MARKER = "demo.loaded";
    static final long SEED = 20261123L;

    /** The demo's trend marker: on relationship-nps, Business segment, the day check-in calls started. */
    public static final String MARKER_SURVEY = "relationship-nps";

    public static final String BUSINESS_SEGMENT = "business";
    public static final String CHECK_IN_CALLS_LABEL = "Check-in calls started";
    public static final String CHECK_IN_CALLS_DESCRIPTION = "Check-in-Anrufe gestartet";
    /** The check-in calls themselves: done follow-up tasks for Business detractors, from the marker on. */
    public static final String CHECK_IN_TASK_TITLE = "Check-in-Anruf / check-in call";

    public static final int CHECK_IN_TASKS = 12;

    /** Open demo tasks (two overdue, one in progress), so the overview and the list show work to do. */
    public static final int OPEN_TASKS = 5;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Clock clock;

    @PostConstruct
    void loadAtStartup() {
        if (!enabled) {
            return;
        }
        try {
            long started = System.nanoTime();
            int responses = load(dataSource, LocalDate.now(clock), clock.instant());
            if (responses > 0) {
                LOG.info(() -> "Demo data loaded: " + responses + " responses in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            } else {
                LOG.info("Demo data present already; not loaded again.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        }
    }

    /** Loads the demo unless it is there already; answers the number of responses written (0 if skipped). */
    public static int load(DataSource dataSource, LocalDate today, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int written = new Writer(connection, today, now).write();
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static final class Writer {
        private final Connection connection;
        private final LocalDate today;
        private final LocalDateTime now;
        private final boolean postgres;
        private final Map<String, Ids> ids = new HashMap<>();
        private final Map<String, Long> surveyIds = new HashMap<>();
        private final Map<String, Long> versionIds = new HashMap<>();
        private final java.util.Set<String> singleChoices = DemoSurveys.singleChoiceKeys();
        /** survey slug -> question key -> question id */
        private final Map<String, Map<String, Long>> questionIds = new HashMap<>();

        Writer(Connection connection, LocalDate today, Instant now) throws SQLException {
            this.connection = connection;
            this.today = today;
            this.now = utc(now);
            this.postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        }

        int write() throws SQLException {
            try (var check = connection.prepareStatement("SELECT COUNT(*) FROM app_setting WHERE setting_key = ?")) {
                check.setString(1, MARKER);
                try (var rs = check.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return 0;
                    }
                }
            }
            for (DemoSurveys.Definition survey : DemoSurveys.all()) {
                survey(survey);
            }
            List<Segment> segments = segments();
            Map<Segment, Long> segmentIds = new HashMap<>();
            for (Segment segment : segments) {
                segmentIds.put(segment, segment(segment));
            }
            DemoStory story = new DemoStory(today, SEED);
            List<DemoStory.DemoCustomer> customers = story.customers();
            List<Long> customerIds = customers(customers);
            // Segment membership per customer, as the submission path evaluates it (attributes do not change here).
            List<List<Long>> memberships = new ArrayList<>();
            for (DemoStory.DemoCustomer c : customers) {
                Customer customer = new Customer(c.externalId(), c.name(), Instant.EPOCH);
                customer.update(profile(c), Instant.EPOCH);
                List<Long> member = new ArrayList<>();
                for (Segment segment : segments) {
                    if (segment.matches(customer, today)) {
                        member.add(segmentIds.get(segment));
                    }
                }
                memberships.add(member);
            }
            long business = checkInCallsMarker(segments, segmentIds);
            int written = 0;
            for (String slug : DemoStory.RESPONSES.keySet().stream().sorted().toList()) {
                written += responses(slug, story.responses(slug, customers), customerIds, memberships);
            }
            checkInCallTasks(business);
            openTasks();
            try (var marker = connection.prepareStatement(
                    "INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)")) {
                marker.setString(1, MARKER);
                marker.setString(2, "seed " + SEED + ", " + written + " responses");
                marker.setObject(3, now);
                marker.executeUpdate();
            }
            return written;
        }

        /** The action of the story on the Business trend of relationship-nps: the day the recovery starts. */
        private long checkInCallsMarker(List<Segment> segments, Map<Segment, Long> segmentIds) throws SQLException {
            Segment business = segments.stream()
                    .filter(s -> s.key().equals(BUSINESS_SEGMENT))
                    .findFirst()
                    .orElseThrow();
            update(
                    "INSERT INTO trend_marker (id, survey_id, segment_id, marker_date, label, description, created_by,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id("trend_marker_seq"),
                    surveyIds.get(MARKER_SURVEY),
                    segmentIds.get(business),
                    today.minusDays(DemoStory.CALLS_START_DAYS_AGO),
                    CHECK_IN_CALLS_LABEL,
                    CHECK_IN_CALLS_DESCRIPTION,
                    "demo",
                    now);
            return segmentIds.get(business);
        }

        /**
         * The calls behind the marker: the Business customers who gave relationship-nps a detractor score in
         * the month before the calls started each got a check-in call in the weeks after, as a done
         * follow-up task of the demo lead (assigned here if the account
         * exists already, otherwise by {@link DemoAccounts} when it creates it) with a note of what was agreed.
         */
        private void checkInCallTasks(long business) throws SQLException {
            LocalDate calls = today.minusDays(DemoStory.CALLS_START_DAYS_AGO);
            List<Long> detractors = new ArrayList<>();
            try (var query = connection.prepareStatement("SELECT r.customer_id FROM response r"
                    + " JOIN response_segment rs ON rs.response_id = r.id AND rs.segment_id = ?"
                    + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                    + " WHERE r.survey_id = ? AND q.question_type = 'NPS' AND a.score <= 6"
                    + " AND r.customer_id IS NOT NULL AND r.submitted_at >= ? AND r.submitted_at < ?"
                    + " GROUP BY r.customer_id ORDER BY r.customer_id FETCH FIRST " + CHECK_IN_TASKS + " ROWS ONLY")) {
                bind(
                        query,
                        business,
                        surveyIds.get(MARKER_SURVEY),
                        calls.minusDays(30).atStartOfDay(),
                        calls.atStartOfDay());
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        detractors.add(rows.getLong(1));
                    }
                }
            }
            Long lead = null;
            try (var query = connection.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
                query.setString(1, DemoAccounts.LEAD);
                try (var rows = query.executeQuery()) {
                    lead = rows.next() ? rows.getLong(1) : null;
                }
            }
            for (int i = 0; i < detractors.size(); i++) {
                LocalDateTime created = calls.plusDays(i * 2L).atTime(9, 0);
                LocalDateTime closed = created.plusDays(1 + i % 3).withHour(15);
                long task = id("follow_up_seq");
                update(
                        "INSERT INTO follow_up (id, survey_id, customer_id, segment_id, assignee_id, title, status,"
                                + " due_date, resurvey, created_at, updated_at, closed_at, dedup_key, row_version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, 'DONE', ?, TRUE, ?, ?, ?, ?, 0)",
                        task,
                        surveyIds.get(MARKER_SURVEY),
                        detractors.get(i),
                        business,
                        lead,
                        CHECK_IN_TASK_TITLE,
                        created.toLocalDate().plusDays(2),
                        created,
                        closed,
                        closed,
                        "demo:check-in:" + detractors.get(i));
                update(
                        "INSERT INTO follow_up_note (follow_up_id, position, author, note_text, created_at)"
                                + " VALUES (?, 0, ?, ?, ?)",
                        task,
                        DemoAccounts.LEAD,
                        i % 2 == 0
                                ? "Angerufen: Ticket-Rückstau erklärt, fester Ansprechpartner im Support zugesagt."
                                : "Called: walked through the open tickets, named a support contact, follow-up in 4 weeks.",
                        closed);
            }
        }

        /**
         * Work still to do, so that the overview and the follow-up list show it: the {@value #OPEN_TASKS} latest
         * detractors of known customers on relationship-nps one to two weeks ago became tasks with their
         * DETRACTOR alert, as the rules make them; two of them are overdue, one is in progress.
         */
        private void openTasks() throws SQLException {
            List<long[]> detractors = new ArrayList<>();
            try (var query = connection.prepareStatement("SELECT r.id, r.customer_id, a.score FROM response r"
                    + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                    + " WHERE r.survey_id = ? AND q.question_type = 'NPS' AND a.score <= 6"
                    + " AND r.customer_id IS NOT NULL AND r.submitted_at >= ? AND r.submitted_at < ?"
                    + " ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST " + OPEN_TASKS + " ROWS ONLY")) {
                bind(
                        query,
                        surveyIds.get(MARKER_SURVEY),
                        today.minusDays(14).atStartOfDay(),
                        today.minusDays(7).atStartOfDay());
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        detractors.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)});
                    }
                }
            }
            // created days ago, due in days from today (negative: overdue), status
            int[][] plan = {{6, -4}, {5, -3}, {3, 1}, {1, 1}, {0, 2}};
            for (int i = 0; i < detractors.size() && i < plan.length; i++) {
                long[] d = detractors.get(i);
                LocalDateTime created = now.minusDays(plan[i][0]).minusHours(2);
                long task = id("follow_up_seq");
                update(
                        "INSERT INTO follow_up (id, survey_id, response_id, customer_id, assignee_id, title, status,"
                                + " due_date, resurvey, created_at, updated_at, dedup_key, row_version)"
                                + " VALUES (?, ?, ?, ?, (SELECT id FROM app_user WHERE username = ?), NULL, ?, ?, FALSE,"
                                + " ?, ?, ?, 0)",
                        task,
                        surveyIds.get(MARKER_SURVEY),
                        d[0],
                        d[1],
                        DemoAccounts.LEAD,
                        i == 2 ? "IN_PROGRESS" : "OPEN",
                        today.plusDays(plan[i][1]),
                        created,
                        created,
                        "demo:open:" + d[0]);
                update(
                        "INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at,"
                                + " dedup_key, follow_up_id) VALUES (?, 'DETRACTOR', ?, ?, ?, ?, ?, ?, ?)",
                        id("alert_seq"),
                        surveyIds.get(MARKER_SURVEY),
                        d[0],
                        d[1],
                        (int) d[2],
                        created,
                        "demo:DETRACTOR:" + d[0],
                        task);
            }
        }

        private void survey(DemoSurveys.Definition definition) throws SQLException {
            long surveyId = id("survey_seq");
            long versionId = id("survey_version_seq");
            surveyIds.put(definition.slug(), surveyId);
            versionIds.put(definition.slug(), versionId);
            LocalDateTime created =
                    utc(today.minusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant());
            update(
                    "INSERT INTO survey (id, slug, kind, status, anonymous, published_version_id, created_at, updated_at,"
                            + " row_version) VALUES (?, ?, ?, 'OPEN', FALSE, NULL, ?, ?, 0)",
                    surveyId,
                    definition.slug(),
                    definition.kind(),
                    created,
                    created);
            update(
                    "INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages, title_de,"
                            + " title_en, intro_de, intro_en, created_at, published_at) VALUES (?, ?, 1, 'PUBLISHED', 'de',"
                            + " 'de,en', ?, ?, ?, ?, ?, ?)",
                    versionId,
                    surveyId,
                    definition.title().de(),
                    definition.title().en(),
                    definition.intro().de(),
                    definition.intro().en(),
                    created,
                    created);
            update("UPDATE survey SET published_version_id = ? WHERE id = ?", versionId, surveyId);
            Map<String, Long> keys = new HashMap<>();
            int position = 0;
            for (DemoSurveys.QuestionDef q : definition.questions()) {
                long questionId = id("question_seq");
                keys.put(q.key(), questionId);
                update(
                        "INSERT INTO question (id, survey_version_id, position, question_key, question_type, required,"
                                + " text_de, text_en, scale_min, scale_max, min_label_de, min_label_en, max_label_de,"
                                + " max_label_en, page_no, show_if_question, show_if_operator, show_if_values)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        questionId,
                        versionId,
                        position++,
                        q.key(),
                        q.type().name(),
                        q.required(),
                        q.text().de(),
                        q.text().en(),
                        q.min(),
                        q.max(),
                        label(q.minLabel(), true),
                        label(q.minLabel(), false),
                        label(q.maxLabel(), true),
                        label(q.maxLabel(), false),
                        q.page(),
                        q.showIf() == null ? null : q.showIf().questionKey(),
                        q.showIf() == null ? null : q.showIf().operator().name(),
                        q.showIf() == null ? null : String.join(",", q.showIf().values()));
                int optionPosition = 0;
                for (DemoSurveys.OptionDef o : q.options()) {
                    update(
                            "INSERT INTO question_option (id, question_id, option_role, position, code, label_de,"
                                    + " label_en) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            id("question_option_seq"),
                            questionId,
                            o.role().name(),
                            optionPosition++,
                            o.code(),
                            o.label().de(),
                            o.label().en());
                }
            }
            questionIds.put(definition.slug(), keys);
        }

        private static String label(LocalizedText text, boolean german) {
            return text == null ? null : german ? text.de() : text.en();
        }

        static List<Segment> segments() {
            Instant at = Instant.EPOCH;
            return List.of(
                    new Segment(
                            "enterprise-dach",
                            new LocalizedText("Enterprise DACH", "Enterprise DACH"),
                            List.of(
                                    new SegmentRule("plan", RuleOperator.EQUALS, "Enterprise"),
                                    new SegmentRule("region", RuleOperator.IN, "DE,AT,CH")),
                            at),
                    new Segment(
                            "enterprise-international",
                            new LocalizedText("Enterprise international", "Enterprise international"),
                            List.of(
                                    new SegmentRule("plan", RuleOperator.EQUALS, "Enterprise"),
                                    new SegmentRule("region", RuleOperator.NOT_IN, "DE,AT,CH")),
                            at),
                    new Segment(
                            "business",
                            new LocalizedText("Business-Tarif", "Business plan"),
                            List.of(new SegmentRule("plan", RuleOperator.EQUALS, "Business")),
                            at),
                    new Segment(
                            "starter",
                            new LocalizedText("Starter-Tarif", "Starter plan"),
                            List.of(new SegmentRule("plan", RuleOperator.EQUALS, "Starter")),
                            at),
                    new Segment(
                            "onboarding",
                            new LocalizedText("Neukunden im Onboarding", "Customers onboarding"),
                            List.of(new SegmentRule("lifecycleStage", RuleOperator.EQUALS, "Onboarding")),
                            at));
        }

        private long segment(Segment segment) throws SQLException {
            long id = id("segment_seq");
            update(
                    "INSERT INTO segment (id, segment_key, name_de, name_en, created_at, updated_at, row_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 0)",
                    id,
                    segment.key(),
                    segment.name().de(),
                    segment.name().en(),
                    now,
                    now);
            int position = 0;
            for (SegmentRule rule : segment.rules()) {
                update(
                        "INSERT INTO segment_rule (segment_id, position, attr_name, operator, rule_value)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        id,
                        position++,
                        rule.attribute(),
                        rule.operator().name(),
                        rule.value());
            }
            return id;
        }

        private static CustomerProfile profile(DemoStory.DemoCustomer c) {
            return new CustomerProfile(
                    c.externalId(),
                    c.name(),
                    c.email(),
                    c.plan(),
                    c.region(),
                    c.lifecycleStage(),
                    c.renewalDate(),
                    c.locale(),
                    Map.of("industry", c.industry()));
        }

        private List<Long> customers(List<DemoStory.DemoCustomer> customers) throws SQLException {
            List<Long> result = new ArrayList<>(customers.size());
            try (var insert = connection.prepareStatement("INSERT INTO customer (id, external_id, name, email, plan,"
                            + " region, lifecycle_stage, renewal_date, preferred_locale, created_at, updated_at, row_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                    var attribute = connection.prepareStatement(
                            "INSERT INTO customer_attribute (customer_id, attr_name, attr_value) VALUES (?, ?, ?)")) {
                for (DemoStory.DemoCustomer c : customers) {
                    long id = id("customer_seq");
                    result.add(id);
                    bind(
                            insert,
                            id,
                            c.externalId(),
                            c.name(),
                            c.email(),
                            c.plan(),
                            c.region(),
                            c.lifecycleStage(),
                            c.renewalDate(),
                            c.locale(),
                            now,
                            now);
                    insert.addBatch();
                    bind(attribute, id, "industry", c.industry());
                    attribute.addBatch();
                }
                insert.executeBatch();
                attribute.executeBatch();
            }
            return result;
        }

        private int responses(
                String slug,
                List<DemoStory.DemoResponse> responses,
                List<Long> customerIds,
                List<List<Long>> memberships)
                throws SQLException {
            Map<String, Long> questions = questionIds.get(slug);
            try (var response = connection.prepareStatement("INSERT INTO response (id, survey_id, survey_version_id,"
                            + " customer_id, channel, locale, status, submitted_at, received_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'COMPLETE', ?, ?, ?)");
                    var event = connection.prepareStatement("INSERT INTO response_event (id, response_id, survey_id,"
                            + " kind, occurred_at) VALUES (?, ?, ?, 'CREATED', ?)");
                    var answer = connection.prepareStatement("INSERT INTO answer (id, response_id, question_id,"
                            + " row_code, option_code, score, text_value) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    var segment = connection.prepareStatement(
                            "INSERT INTO response_segment (response_id, segment_id) VALUES (?, ?)")) {
                int pending = 0;
                for (DemoStory.DemoResponse r : responses) {
                    long id = id("response_seq");
                    LocalDateTime at = utc(r.submittedAt());
                    bind(
                            response,
                            id,
                            surveyIds.get(slug),
                            versionIds.get(slug),
                            customerIds.get(r.customer()),
                            r.channel(),
                            r.locale(),
                            at,
                            at,
                            at);
                    response.addBatch();
                    bind(event, id("response_event_seq"), id, surveyIds.get(slug), at);
                    event.addBatch();
                    for (Map.Entry<String, Object> entry : r.answers().entrySet()) {
                        long question = questions.get(entry.getKey());
                        Object value = entry.getValue();
                        if (value instanceof Integer score) {
                            bind(answer, id("answer_seq"), id, question, null, null, score, null);
                            answer.addBatch();
                        } else if (value instanceof List<?> options) {
                            for (Object option : options) {
                                bind(answer, id("answer_seq"), id, question, null, option, null, null);
                                answer.addBatch();
                            }
                        } else if (value instanceof Map<?, ?> matrix) {
                            for (Map.Entry<?, ?> cell : matrix.entrySet()) {
                                bind(
                                        answer,
                                        id("answer_seq"),
                                        id,
                                        question,
                                        cell.getKey(),
                                        cell.getValue(),
                                        null,
                                        null);
                                answer.addBatch();
                            }
                        } else if (singleChoices.contains(slug + "/" + entry.getKey())) {
                            bind(answer, id("answer_seq"), id, question, null, value, null, null);
                            answer.addBatch();
                        } else {
                            bind(answer, id("answer_seq"), id, question, null, null, null, value);
                            answer.addBatch();
                        }
                    }
                    for (Long segmentId : memberships.get(r.customer())) {
                        bind(segment, id, segmentId);
                        segment.addBatch();
                    }
                    if (++pending == 1000) {
                        response.executeBatch();
                        answer.executeBatch();
                        segment.executeBatch();
                        event.executeBatch();
                        pending = 0;
                    }
                }
                response.executeBatch();
                answer.executeBatch();
                segment.executeBatch();
                event.executeBatch();
            }
            return responses.size();
        }

        private void update(String sql, Object... values) throws SQLException {
            try (var statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                statement.executeUpdate();
            }
        }

        private static void bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (value instanceof Integer n) {
                    statement.setInt(i + 1, n);
                } else if (value instanceof Long n) {
                    statement.setLong(i + 1, n);
                } else if (value instanceof Boolean b) {
                    statement.setBoolean(i + 1, b);
                } else if (value instanceof LocalDateTime || value instanceof LocalDate) {
                    statement.setObject(i + 1, value);
                } else {
                    statement.setString(i + 1, value.toString());
                }
            }
        }

        /** Ids from the table's sequence, fifty at a time, exactly as EclipseLink takes them (value-49 .. value). */
        private long id(String sequence) throws SQLException {
            Ids block = ids.computeIfAbsent(sequence, s -> new Ids());
            if (block.remaining == 0) {
                String sql = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery(sql)) {
                    rs.next();
                    block.next = rs.getLong(1) - 49;
                    block.remaining = 50;
                }
            }
            block.remaining--;
            return block.next++;
        }

        /** UTC wall-clock time, bound with setObject so that no JVM time zone shifts it. */
        private static LocalDateTime utc(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }

    private static final class Ids {
        long next;
        int remaining;
    }
}
