package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.entity.Scope;
import app.resonance.security.entity.Role;
import app.resonance.testsupport.SampleData;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens made before scopes existed keep working after V29: each gets every scope its user's role allows
 * (the same as {@link Role#scopes()}) and a year until it expires.
 */
class TokenMigrationOnBothDatabasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void existingTokensGetTheirRolesScopesAndAYear(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("28")
                .load()
                .migrate();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id = 1;
            for (Role role : Role.values()) {
                SampleData.sql(
                        c,
                        "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled, created_at)"
                                + " VALUES (?, ?, 'U', 'hash', ?, TRUE, ?)",
                        id,
                        "u-" + role.name().toLowerCase(java.util.Locale.ROOT),
                        role.name(),
                        SampleData.T0);
                SampleData.sql(
                        c,
                        "INSERT INTO api_token (id, user_id, name, token_hash, created_at) VALUES (?, ?, 'old', ?, ?)",
                        id,
                        id,
                        "hash-" + id,
                        SampleData.T0);
                id++;
            }
            c.commit();
        }
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection();
                var rows = c.createStatement()
                        .executeQuery("SELECT u.user_role, t.scopes, t.expires_at FROM api_token t"
                                + " JOIN app_user u ON u.id = t.user_id")) {
            int seen = 0;
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            while (rows.next()) {
                seen++;
                Role role = Role.valueOf(rows.getString(1));
                assertEquals(role.scopes(), Scope.read(rows.getString(2)), role.name());
                LocalDateTime expires = rows.getTimestamp(3).toLocalDateTime();
                long days = Duration.between(now, expires).toDays();
                // the database's own clock and zone: a day either way
                assertTrue(days >= 363 && days <= 366, role + " expires in " + days + " days");
            }
            assertEquals(3, seen);
        }
    }
}
