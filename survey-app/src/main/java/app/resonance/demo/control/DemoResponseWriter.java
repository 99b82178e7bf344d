package app.resonance.demo.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.surveys.entity.HiddenFields;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's bulk: 1,500 customers and 22,000 responses with their answers, segment memberships and the events
 * that tell analytics about them, written in JDBC batches of a thousand responses.
 */
final class DemoResponseWriter {

    private static final int BATCH = 1000;

    private final Connection connection;
    private final IdBlocks ids;
    private final DemoSetup setup;
    private final LocalDate today;
    private final LocalDateTime now;
    private final Set<String> singleChoices = DemoSurveys.singleChoiceKeys();
    private final List<Long> customerIds = new ArrayList<>();
    /** Segment ids per customer (by index), as the submission path evaluates them. */
    private final List<List<Long>> memberships = new ArrayList<>();

    DemoResponseWriter(Connection connection, IdBlocks ids, DemoSetup setup, LocalDate today, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.setup = setup;
        this.today = today;
        this.now = now;
    }

    /** Writes the customers with their attributes and works out their segments (attributes do not change here). */
    void customers(List<DemoStory.DemoCustomer> customers) throws SQLException {
        try (var insert = Jdbc.batch(connection, """
                        INSERT INTO customer (id, external_id, name, email, plan, region, lifecycle_stage, renewal_date,
                         preferred_locale, created_at, updated_at, row_version)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                var attribute = Jdbc.batch(
                        connection,
                        "INSERT INTO customer_attribute (customer_id, attr_name, attr_value) VALUES (?, ?, ?)")) {
            for (DemoStory.DemoCustomer c : customers) {
                long id = ids.next("customer_seq");
                customerIds.add(id);
                insert.add(
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
                attribute.add(id, "industry", c.industry());
                memberships.add(segmentsOf(c));
            }
            Jdbc.flush(insert, attribute);
        }
    }

    private List<Long> segmentsOf(DemoStory.DemoCustomer c) {
        Customer customer = new Customer(c.externalId(), c.name(), Instant.EPOCH);
        customer.update(profile(c), Instant.EPOCH);
        List<Long> member = new ArrayList<>();
        for (Map.Entry<Segment, Long> segment : setup.segmentIds().entrySet()) {
            if (segment.getKey().matches(customer, today)) {
                member.add(segment.getValue());
            }
        }
        return member;
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

    /** Writes one survey's responses; answers how many. */
    int responses(String slug, List<DemoStory.DemoResponse> responses) throws SQLException {
        long surveyId = setup.surveyId(slug);
        long versionId = setup.versionId(slug);
        Map<String, Long> questions = setup.questionIds(slug);
        try (var response = Jdbc.batch(connection, """
                        INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,
                         submitted_at, received_at, updated_at, hidden_fields)
                         VALUES (?, ?, ?, ?, ?, ?, 'COMPLETE', ?, ?, ?, ?)""");
                var event = Jdbc.batch(connection, """
                        INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at)
                         VALUES (?, ?, ?, 'CREATED', ?)""");
                var answer = Jdbc.batch(connection, """
                        INSERT INTO answer (id, response_id, question_id, row_code, option_code, score, text_value)
                         VALUES (?, ?, ?, ?, ?, ?, ?)""");
                var segment = Jdbc.batch(
                        connection, "INSERT INTO response_segment (response_id, segment_id) VALUES (?, ?)")) {
            for (DemoStory.DemoResponse r : responses) {
                long id = ids.next("response_seq");
                LocalDateTime at = LocalDateTime.ofInstant(r.submittedAt(), ZoneOffset.UTC);
                response.add(
                        id,
                        surveyId,
                        versionId,
                        customerIds.get(r.customer()),
                        r.channel(),
                        r.locale(),
                        at,
                        at,
                        at,
                        hiddenFields(slug, r, id));
                event.add(ids.next("response_event_seq"), id, surveyId, at);
                for (Map.Entry<String, Object> entry : r.answers().entrySet()) {
                    answers(answer, id, questions.get(entry.getKey()), slug + "/" + entry.getKey(), entry.getValue());
                }
                for (Long segmentId : memberships.get(r.customer())) {
                    segment.add(id, segmentId);
                }
                if (response.pending() == BATCH) {
                    Jdbc.flush(response, answer, segment, event);
                }
            }
            Jdbc.flush(response, answer, segment, event);
        }
        return responses.size();
    }

    /**
     * The hidden fields of the survey that declares them ({@link DemoSetup#HIDDEN_FIELDS_SURVEY}): where the link was
     * (the support mail or the help centre) and, for most, the support ticket it was about.
     */
    static String hiddenFields(String slug, DemoStory.DemoResponse r, long id) {
        if (!DemoSetup.HIDDEN_FIELDS_SURVEY.equals(slug)) {
            return null;
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("source", "EMAIL".equals(r.channel()) ? "ticket-mail" : "help-center");
        if (id % 3 != 0) {
            fields.put("ticket_id", "T-" + (40_000 + id % 10_000));
        }
        return HiddenFields.encode(fields);
    }

    /** One answer's rows: a score, options chosen, matrix cells, a single choice's code, or a text. */
    private void answers(Jdbc.Batch answer, long response, long question, String key, Object value)
            throws SQLException {
        if (value instanceof Integer score) {
            answer.add(ids.next("answer_seq"), response, question, null, null, score, null);
        } else if (value instanceof List<?> options) {
            for (Object option : options) {
                answer.add(ids.next("answer_seq"), response, question, null, option, null, null);
            }
        } else if (value instanceof Map<?, ?> matrix) {
            for (Map.Entry<?, ?> cell : matrix.entrySet()) {
                answer.add(ids.next("answer_seq"), response, question, cell.getKey(), cell.getValue(), null, null);
            }
        } else if (singleChoices.contains(key)) {
            answer.add(ids.next("answer_seq"), response, question, null, value, null, null);
        } else {
            answer.add(ids.next("answer_seq"), response, question, null, null, null, value);
        }
    }
}
