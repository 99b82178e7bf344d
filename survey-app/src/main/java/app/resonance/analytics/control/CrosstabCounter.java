package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * Counts the respondents of a crosstab in SQL: per answer category and group, per group, per category and in
 * all, each a count of distinct responses (a multiple choice counts a respondent once per option). Which
 * responses: the survey's, filtered like every analytics figure ({@link ResponseConditions}).
 */
@ApplicationScoped
public class CrosstabCounter {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    public CrosstabCounter() {}

    public CrosstabCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What to count: the question (its key; for a matrix also the row, else null), the category of an answer (from its option code and score; null:
     * not counted), the grouping, the known rows and columns in their order (groups found beyond them follow,
     * sorted, labelled by their key), and whether rows or columns overlap.
     */
    public record Request(
            CommentFilter filter,
            ZoneId zone,
            String questionKey,
            String rowCode,
            BiFunction<String, Integer, String> category,
            CrosstabBy by,
            List<Label> rows,
            List<Label> columns,
            boolean overlappingRows,
            boolean overlappingColumns) {}

    public CrosstabCounts count(Request request) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<String, Long>> cells = new HashMap<>();
            Map<String, Long> columnTotals = new HashMap<>();
            Map<String, Long> rowTotals = new HashMap<>();
            String group = group(request);
            Jdbc.stream(
                    c,
                    "SELECT a.option_code, a.score, %s, COUNT(DISTINCT r.id)%s GROUP BY a.option_code, a.score, %s"
                            .formatted(group, from(request, true), group),
                    rs -> add(cells.computeIfAbsent(category(request, rs), k -> new HashMap<>()), rs.getString(3), rs),
                    parameters(request, true));
            Jdbc.stream(
                    c,
                    "SELECT %s, COUNT(DISTINCT r.id)%s GROUP BY %s".formatted(group, from(request, true), group),
                    rs -> columnTotals.merge(rs.getString(1), rs.getLong(2), Long::sum),
                    parameters(request, true));
            long total = totals(c, request, rowTotals);
            cells.remove(null);
            return new CrosstabCounts(
                    request.rows(),
                    columns(request.columns(), columnTotals),
                    cells,
                    columnTotals,
                    rowTotals,
                    total,
                    request.overlappingRows(),
                    request.overlappingColumns());
        }
    }

    /**
     * Only the respondents per answer category and in all (the request's grouping is not used and may be null): a
     * question's shares without a crosstab.
     */
    public CrosstabCounts totals(Request request) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> rowTotals = new HashMap<>();
            long total = totals(c, request, rowTotals);
            return new CrosstabCounts(
                    request.rows(), List.of(), Map.of(), Map.of(), rowTotals, total, request.overlappingRows(), false);
        }
    }

    /** Fills the respondents per category (none for answers outside every category); answers all respondents. */
    private static long totals(Connection c, Request request, Map<String, Long> rowTotals) throws SQLException {
        Jdbc.stream(
                c,
                "SELECT a.option_code, a.score, COUNT(DISTINCT r.id)%s GROUP BY a.option_code, a.score"
                        .formatted(from(request, false)),
                rs -> rowTotals.merge(category(request, rs), rs.getLong(3), Long::sum),
                parameters(request, false));
        rowTotals.remove(null);
        return Jdbc.number(c, "SELECT COUNT(DISTINCT r.id)" + from(request, false), parameters(request, false));
    }

    private static String category(Request request, ResultSet rs) throws SQLException {
        String option = rs.getString(1);
        int score = rs.getInt(2);
        return request.category().apply(option, rs.wasNull() ? null : score);
    }

    private static void add(Map<String, Long> row, String column, ResultSet rs) throws SQLException {
        row.merge(column, rs.getLong(4), Long::sum);
    }

    /** The known columns, then those found in the answers, sorted by key. */
    private static List<Label> columns(List<Label> known, Map<String, Long> found) {
        List<Label> columns = new ArrayList<>(known);
        var keys = new TreeSet<>(found.keySet());
        known.forEach(l -> keys.remove(l.key()));
        keys.forEach(k -> columns.add(new Label(k, k)));
        return columns;
    }

    /** The SQL of a response's group: a column, or for a calendar grouping the CASE over the period's months. */
    private static String group(Request request) {
        return request.by().calendar()
                ? CalendarColumns.of(
                                request.by().kind(),
                                request.filter().from(),
                                request.filter().to())
                        .sql(request.zone())
                : request.by().kind().group;
    }

    private static String from(Request request, boolean grouped) {
        StringBuilder sql = new StringBuilder(
                " FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id");
        if (grouped) {
            sql.append(request.by().kind().join);
        }
        sql.append(" WHERE q.question_key = ?");
        if (request.rowCode() != null) {
            sql.append(" AND a.row_code = ?");
        }
        if (grouped) {
            sql.append(" AND ").append(group(request)).append(" IS NOT NULL");
        }
        ResponseConditions.append(request.filter(), request.zone(), sql, new ArrayList<>());
        return sql.toString();
    }

    private static Object[] parameters(Request request, boolean grouped) {
        List<Object> parameters = new ArrayList<>();
        if (grouped && request.by().kind() == CrosstabBy.Kind.QUESTION) {
            parameters.add(request.by().questionKey());
        }
        parameters.add(request.questionKey());
        if (request.rowCode() != null) {
            parameters.add(request.rowCode());
        }
        ResponseConditions.append(request.filter(), request.zone(), new StringBuilder(), parameters);
        return parameters.toArray();
    }
}
