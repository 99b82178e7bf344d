package app.resonance.forms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A form stamp is good for the respondent who used it first, on H2 and PostgreSQL, also when raced. */
class UsedStampsOnBothDatabasesTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String STAMP = "1796457966969.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    static Connection autoCommit(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aStampIsGoodForItsFirstRespondentOnlyAndForgottenAfterItsTime(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = autoCommit(dataSource)) {
            assertTrue(UsedStamps.claim(c, STAMP, "resume:first", T0), "unused");
            assertTrue(UsedStamps.claim(c, STAMP, "resume:first", T0.plusSeconds(5)), "the same respondent again");
            assertFalse(UsedStamps.claim(c, STAMP, "resume:second", T0.plusSeconds(6)), "another respondent");
            assertFalse(UsedStamps.claim(c, STAMP, "invitation:7", T0.plusSeconds(7)), "nor an invitation");
            assertTrue(UsedStamps.claim(c, STAMP + "x", "resume:second", T0.plusSeconds(8)), "another stamp");
            try (var rs = c.createStatement().executeQuery("SELECT stamp_hash, respondent_hash FROM used_form_stamp")) {
                while (rs.next()) {
                    assertEquals(64, rs.getString(1).length(), "kept as SHA-256 only");
                    assertFalse(rs.getString(2).contains("resume"), "kept as SHA-256 only");
                }
            }

            assertEquals(1, UsedStamps.forgetBefore(c, T0.plusSeconds(8)), "the older record only");
            assertTrue(
                    UsedStamps.claim(c, STAMP, "resume:second", T0.plusSeconds(9)), "forgotten (refused as too old)");
            assertFalse(UsedStamps.claim(c, STAMP + "x", "resume:first", T0.plusSeconds(9)), "the newer one is kept");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void respondentsRacingForOneStampLeaveExactlyOneWinner(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String respondent = "resume:racer-" + i;
                claims.add(pool.submit(() -> {
                    try (Connection c = autoCommit(dataSource)) {
                        start.await();
                        return UsedStamps.claim(c, STAMP, respondent, T0);
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> claim : claims) {
                winners += claim.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }
}
