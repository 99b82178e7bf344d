package app.resonance.analytics.control;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The analytics test fixture for tests of other packages. */
public final class FixtureAccess {

    private final Fixture fixture;
    private final DataSource dataSource;

    public interface Work<T> {
        T run(java.sql.Connection connection) throws SQLException;
    }

    public FixtureAccess(DataSource dataSource) throws SQLException {
        this.fixture = new Fixture(dataSource);
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        return fixture.inTransaction(work::run);
    }

    public long count(String sql) throws SQLException {
        return fixture.count(sql);
    }

    public long insertNps(long customerId, Instant at, int score) throws SQLException {
        return fixture.insertNps(customerId, at, score);
    }

    public void event(long responseId) throws SQLException {
        fixture.event(responseId);
    }

    public void setNpsScore(long responseId, int score) throws SQLException {
        fixture.setScore(responseId, score);
        fixture.event(responseId);
    }

    public void execute(String sql, Object... values) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value =
                        values[i] instanceof Instant at ? LocalDateTime.ofInstant(at, ZoneOffset.UTC) : values[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }

    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    public LocalDate date(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }
}
