package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    static PersistenceException fromJpa(String sqlState) {
        return new PersistenceException("Exception [EclipseLink-4002]", new SQLException("ERROR", sqlState));
    }

    @Test
    void aTerminatedBackendALostConnectionAndAShutdownAreUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(fromJpa("57P01")), "terminating connection (pg_terminate_backend)");
        assertTrue(DatabaseUnavailable.isCause(fromJpa("08006")), "connection failure");
        assertTrue(DatabaseUnavailable.isCause(fromJpa("08003")), "connection already closed");
        // what the fault suite saw: the pool's connection lost its backend, the driver refuses its client info
        assertTrue(
                DatabaseUnavailable.isCause(new jakarta.persistence.PersistenceException(
                        new java.sql.SQLClientInfoException("This connection has been closed.", null))),
                "a pooled connection whose backend was terminated");
    }

    @Test
    void aLockOrStatementTimeoutDeadlockAndSerializationFailureAreUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(fromJpa("55P03")), "lock_timeout");
        assertTrue(DatabaseUnavailable.isCause(fromJpa("57014")), "statement_timeout");
        assertTrue(DatabaseUnavailable.isCause(fromJpa("40P01")), "deadlock");
        assertTrue(DatabaseUnavailable.isCause(fromJpa("40001")), "serialization failure");
    }

    @Test
    void aTransactionThatCouldNotCommitIsUnavailableNotAServerError() {
        var commitFailed = new TransactionalException(
                "Managed bean with Transactional annotation and TxType of REQUIRED encountered exception during commit",
                new RollbackException("Transaction marked for rollback."));
        assertTrue(DatabaseUnavailable.isCause(commitFailed));
        // What a @Transactional token lookup threw when its backend was terminated (FaultInjectionIT, the admin API)
        var systemFailure = new TransactionalException(
                "Managed bean with Transactional annotation and TxType of REQUIRED encountered exception during commit",
                new jakarta.transaction.SystemException());
        assertTrue(DatabaseUnavailable.isCause(systemFailure));
    }

    /** A subclass of the server's pooling exception, as the pool throws for a connection it could not hand out. */
    static class PoolingException extends Exception {
        PoolingException(String message) {
            super(message);
        }
    }

    @Test
    void theConnectorLayersFailuresAreUnavailableWhateverTheirExactClass() {
        // what ending a local transaction on a terminated backend throws: a subclass of ResourceException
        assertTrue(DatabaseUnavailable.isCause(new jakarta.persistence.PersistenceException(
                new jakarta.resource.spi.LocalTransactionException("This connection has been closed."))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(
                new jakarta.resource.spi.ResourceAllocationException("Error in allocating a connection."))));
        // a state-less SQLException raised by the driver's connection itself
        var closed = new SQLException("This connection has been closed.");
        closed.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.postgresql.jdbc.PgConnection", "checkClosed", "PgConnection.java", 1050)
        });
        assertTrue(DatabaseUnavailable.isCause(new jakarta.persistence.PersistenceException(closed)));
    }

    @Test
    void aStateLessSqlExceptionFromTheApplicationIsNotUnavailable() {
        var ours = new SQLException("no rows");
        assertFalse(DatabaseUnavailable.isCause(new jakarta.persistence.PersistenceException(ours)));
        assertFalse(DatabaseUnavailable.isCause(new PoolingException("not the server's class")));
    }

    @Test
    void anUnrecognisedFailureCountsAsTheDatabasesForFiveSecondsAfterARecognisedOne() {
        long[] now = {System.nanoTime()};
        var before = DatabaseUnavailable.ticker;
        DatabaseUnavailable.ticker = () -> now[0];
        try {
            now[0] += DatabaseUnavailable.DISTURBANCE_NANOS * 10; // long after any failure of other tests
            assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));
            assertFalse(DatabaseUnavailable.disturbed(), "a bug on a calm database stays a 500");
            assertTrue(DatabaseUnavailable.isCause(fromJpa("57P01")));
            now[0] += DatabaseUnavailable.DISTURBANCE_NANOS - 1;
            assertTrue(DatabaseUnavailable.disturbed(), "within five seconds of a terminated backend");
            now[0] += 2;
            assertFalse(DatabaseUnavailable.disturbed(), "five seconds later");
        } finally {
            DatabaseUnavailable.ticker = before;
        }
    }

    @Test
    void aBugOrAConstraintViolationIsNotUnavailable() {
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.isCause(fromJpa("23505")), "unique violation");
        assertFalse(DatabaseUnavailable.isCause(fromJpa("42P01")), "undefined table");
    }
}
