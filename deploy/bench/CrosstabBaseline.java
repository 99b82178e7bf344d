import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The crosstab's same-work baseline: plain JDBC sending exactly what the app's CrosstabCounter sends for one
 * crosstab, the same four statements (cells, column totals, row totals, total; the same SQL text with the
 * same placeholders, bound with the same Java types: the question key and the survey id, the period's bounds
 * as LocalDateTime in UTC), the same way: one connection kept open like the pool's, auto-commit off as in the
 * app's transaction and a fetch size of 1,000 (Jdbc.FETCH_SIZE), so the driver reads through a portal with a
 * row limit, for which PostgreSQL plans without parallel workers, as it does for the app. The rows are read
 * and summed like the app reads them; no statistics, HTTP or JSON. crosstab.sh runs it beside the app, one
 * crosstab after each of the app's, so both see the same load.
 *
 * <p>Usage: {@code java -cp postgresql.jar CrosstabBaseline.java JDBC_URL SURVEY_ID}, then one line per crosstab
 * on standard input: FROM, TO, JOIN and GROUP separated by tabs, FROM and TO as {@code yyyy-MM-ddTHH:mm:ss} in
 * UTC (TO exclusive), JOIN the grouping's join (may be empty) and GROUP its SQL expression, both as CrosstabBy and
 * CalendarColumns write them. Prints a line per crosstab: its milliseconds and the respondents in all.
 */
public class CrosstabBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long survey = Long.parseLong(args[1]);
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, "UTF-8"));
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                long t0 = System.nanoTime();
                long respondents = crosstab(c, survey, LocalDateTime.parse(f[0]), LocalDateTime.parse(f[1]), f[2], f[3]);
                c.commit();
                System.out.printf("%.1f %d%n", (System.nanoTime() - t0) / 1e6, respondents);
                System.out.flush();
            }
        }
    }

    /** The four statements of one crosstab; answers the last one's count (all respondents). */
    private static long crosstab(
            Connection c, long survey, LocalDateTime from, LocalDateTime to, String join, String group)
            throws Exception {
        String base = " FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id";
        String conditions = " AND r.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?";
        String grouped = base + join + " WHERE q.question_key = ? AND " + group + " IS NOT NULL" + conditions;
        String plain = base + " WHERE q.question_key = ?" + conditions;
        List<String> statements = List.of(
                "SELECT a.option_code, a.score, %s, COUNT(DISTINCT r.id)%s GROUP BY a.option_code, a.score, %s"
                        .formatted(group, grouped, group),
                "SELECT %s, COUNT(DISTINCT r.id)%s GROUP BY %s".formatted(group, grouped, group),
                "SELECT a.option_code, a.score, COUNT(DISTINCT r.id)" + plain + " GROUP BY a.option_code, a.score",
                "SELECT COUNT(DISTINCT r.id)" + plain);
        long respondents = 0;
        for (String sql : statements) {
            respondents = run(c, sql, survey, from, to);
        }
        return respondents;
    }
    /** Runs one statement as Jdbc.stream does and answers the sum of its last column. */
    private static long run(Connection c, String sql, long survey, LocalDateTime from, LocalDateTime to)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(1000);
            s.setString(1, "nps");
            s.setLong(2, survey);
            s.setObject(3, from);
            s.setObject(4, to);
            long sum = 0;
            try (ResultSet rs = s.executeQuery()) {
                int last = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i < last; i++) {
                        rs.getString(i);
                    }
                    sum += rs.getLong(last);
                }
            }
            return sum;
        }
    }
}
