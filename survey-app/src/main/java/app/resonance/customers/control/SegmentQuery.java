package app.resonance.customers.control;

import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.SegmentRule;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A segment's rules as one SQL condition on the customer table, so that the database counts the
 * members (an index-friendly query instead of reading every customer). It gives the same answer as
 * {@link SegmentRule#test}: case-insensitive comparisons, a missing attribute fails every rule except
 * NOT_EQUALS and NOT_IN, and date rules hold only for values that are ISO dates. The SQL is the same
 * on H2 and PostgreSQL; every value is a bound parameter.
 */
public final class SegmentQuery {

    /** The standard fields as segment rules name them, and their columns. */
    static final Map<String, String> COLUMNS = Map.of(
            "plan", "c.plan",
            "region", "c.region",
            "lifecycleStage", "c.lifecycle_stage",
            "locale", "c.preferred_locale",
            "email", "c.email");

    private static final String ISO_DATE = "'____-__-__'";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private SegmentQuery() {}

    /** The count query for rules that must all hold on the given day; no rules match nobody. */
    public static SegmentQuery count(List<SegmentRule> rules, LocalDate today) {
        return query("SELECT COUNT(*)", rules, today);
    }

    /** The ids of the matching customers, in id order. */
    public static SegmentQuery ids(List<SegmentRule> rules, LocalDate today) {
        SegmentQuery query = query("SELECT c.id", rules, today);
        query.sql.append(" ORDER BY c.id");
        return query;
    }

    /**
     * The ids of the matching customers as a subquery (no order), its placeholders numbered from {@code first}:
     * for conditions such as {@code c.id IN (...)} that combine several segments.
     */
    public static SegmentQuery members(List<SegmentRule> rules, LocalDate today, int first) {
        SegmentQuery query = query("SELECT c.id", rules, today);
        if (first > 1) {
            var m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(query.sql);
            StringBuilder renumbered = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(renumbered, "?" + (Integer.parseInt(m.group(1)) + first - 1));
            }
            m.appendTail(renumbered);
            query.sql.setLength(0);
            query.sql.append(renumbered);
        }
        return query;
    }

    private static SegmentQuery query(String select, List<SegmentRule> rules, LocalDate today) {
        SegmentQuery query = new SegmentQuery();
        query.sql.append(select).append(" FROM customer c WHERE ");
        if (rules.isEmpty()) {
            query.sql.append("1 = 0");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                query.sql.append(" AND ");
            }
            query.sql.append('(');
            query.condition(rules.get(i), today);
            query.sql.append(')');
        }
        return query;
    }

    public String sql() {
        return sql.toString();
    }

    /** The parameters for the positional placeholders (?1, ?2 ...), in order. */
    public List<Object> parameters() {
        return List.copyOf(parameters);
    }

    private String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private void condition(SegmentRule rule, LocalDate today) {
        boolean renewal = rule.attribute().equals("renewalDate");
        String text;
        if (renewal) {
            text = "CAST(c.renewal_date AS VARCHAR(10))";
        } else if (COLUMNS.containsKey(rule.attribute())) {
            text = COLUMNS.get(rule.attribute());
        } else {
            text = "(SELECT a.attr_value FROM customer_attribute a WHERE a.customer_id = c.id AND a.attr_name = "
                    + param(rule.attribute()) + ")";
        }
        String value = rule.value();
        String lower = value.toLowerCase(Locale.ROOT);
        switch (rule.operator()) {
            case PRESENT ->
                sql.append(text).append(" IS NOT NULL AND TRIM(").append(text).append(") <> ''");
            case EQUALS -> sql.append("LOWER(").append(text).append(") = ").append(param(lower));
            case NOT_EQUALS ->
                sql.append(text)
                        .append(" IS NULL OR LOWER(")
                        .append(text)
                        .append(") <> ")
                        .append(param(lower));
            case IN, NOT_IN -> in(rule.operator() == RuleOperator.NOT_IN, text, value);
            case CONTAINS ->
                sql.append("LOWER(")
                        .append(text)
                        .append(") LIKE ")
                        .append(param("%" + escapeLike(lower) + "%"))
                        .append(" ESCAPE '\\'");
            case BEFORE, AFTER -> {
                LocalDate bound = date(value);
                if (bound == null) {
                    sql.append("1 = 0");
                } else if (renewal) {
                    sql.append("c.renewal_date ")
                            .append(rule.operator() == RuleOperator.BEFORE ? "<" : ">")
                            .append(' ')
                            .append(param(Date.valueOf(bound)));
                } else {
                    isoDate(text);
                    sql.append(" AND ")
                            .append(text)
                            .append(rule.operator() == RuleOperator.BEFORE ? " < " : " > ")
                            .append(param(bound.toString()));
                }
            }
            case WITHIN_DAYS -> {
                LocalDate until = today.plusDays(Long.parseLong(value.trim()));
                if (renewal) {
                    sql.append("c.renewal_date BETWEEN ")
                            .append(param(Date.valueOf(today)))
                            .append(" AND ")
                            .append(param(Date.valueOf(until)));
                } else {
                    isoDate(text);
                    sql.append(" AND ")
                            .append(text)
                            .append(" BETWEEN ")
                            .append(param(today.toString()))
                            .append(" AND ")
                            .append(param(until.toString()));
                }
            }
        }
    }

    private void in(boolean negated, String text, String value) {
        List<String> values = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
        if (values.isEmpty()) {
            sql.append(negated ? "1 = 1" : "1 = 0");
            return;
        }
        List<String> placeholders = values.stream().map(this::param).toList();
        String list = "(" + String.join(", ", placeholders) + ")";
        if (negated) {
            sql.append(text)
                    .append(" IS NULL OR LOWER(")
                    .append(text)
                    .append(") NOT IN ")
                    .append(list);
        } else {
            sql.append("LOWER(").append(text).append(") IN ").append(list);
        }
    }

    /** A text that holds an ISO date (yyyy-mm-dd with digits), which then compares like the date. */
    private void isoDate(String text) {
        sql.append(text).append(" LIKE ").append(ISO_DATE);
        for (int position : new int[] {1, 2, 3, 4, 6, 7, 9, 10}) {
            sql.append(" AND SUBSTRING(")
                    .append(text)
                    .append(", ")
                    .append(position)
                    .append(", 1) BETWEEN '0' AND '9'");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Escapes LIKE's wildcards with a backslash. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
