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

    @Test
    void aBugOrAConstraintViolationIsNotUnavailable() {
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.isCause(fromJpa("23505")), "unique violation");
        assertFalse(DatabaseUnavailable.isCause(fromJpa("42P01")), "undefined table");
    }
}
