package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Counts a matrix question's answers in SQL: per row and column the responses that chose it, under the filters
 * every analytics figure shares ({@link ResponseConditions}).
 */
@ApplicationScoped
public class MatrixCounter {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    public MatrixCounter() {}

    public MatrixCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Row key to column key to the number of responses that answered the row with the column. */
    public Map<String, Map<String, Long>> count(CommentFilter filter, ZoneId zone, String questionKey)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.row_code, a.option_code, COUNT(DISTINCT r.id)"
                + " FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                + " WHERE q.question_key = ? AND a.row_code IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(questionKey));
        ResponseConditions.append(filter, zone, sql, parameters);
        sql.append(" GROUP BY a.row_code, a.option_code");
        Map<String, Map<String, Long>> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.stream(
                    c,
                    sql.toString(),
                    rs -> counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .merge(rs.getString(2), rs.getLong(3), Long::sum),
                    parameters.toArray());
        }
        return counts;
    }
}
