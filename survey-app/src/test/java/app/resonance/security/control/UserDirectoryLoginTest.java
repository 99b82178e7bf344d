package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.security.entity.Role;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user directory's login on H2: one answer for every kind of failure, one password hash check on
 * every path (the time an answer takes tells nothing about which names exist), and no account lock.
 */
class UserDirectoryLoginTest {

    /** Stands in for PBKDF2: counts the checks, which is what costs the time. */
    static final class CountingHash implements Pbkdf2PasswordHash {
        int checks;

        @Override
        public String generate(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            checks++;
            return hashedPassword.equals(generate(password));
        }
    }

    EntityManagerFactory emf;
    EntityManager em;
    final CountingHash hash = new CountingHash();
    final UserDirectory users = new UserDirectory();

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = TestDatabases.fresh("h2");
        DatabaseMigrator.migrate(dataSource);
        emf = Jpa.on(dataSource);
        em = emf.createEntityManager();
        users.em = em;
        users.passwordHash = hash;
        users.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        em.getTransaction().begin();
        users.create("anna", "Anna", "right-password-1", Role.VIEWER);
        users.create("otto", "Otto", "right-password-2", Role.VIEWER).enabled(false);
        em.getTransaction().commit();
        hash.checks = 0;
    }

    @AfterEach
    void tearDown() {
        em.close();
        emf.close();
    }

    UserDirectory.LoginResult login(String name, String password) {
        int before = hash.checks;
        UserDirectory.LoginResult result = users.login(name, password);
        assertEquals(1, hash.checks - before, "one password hash check for " + name);
        return result;
    }

    @Test
    void theRightPasswordLogsIn() {
        var result = assertInstanceOf(UserDirectory.LoginResult.Success.class, login("anna", "right-password-1"));
        assertEquals("anna", result.user().username());
    }

    @Test
    void unknownNameWrongPasswordDisabledAccountAndOversizedInputFailAlikeAfterOneHashCheck() {
        UserDirectory.LoginResult failure = new UserDirectory.LoginResult.Failure();
        assertEquals(failure, login("anna", "wrong-password"));
        assertEquals(failure, login("nobody", "wrong-password"));
        assertEquals(failure, login("otto", "right-password-2"), "a disabled account says nothing more");
        assertEquals(failure, login("x".repeat(61), "right-password-1"));
        assertEquals(failure, login("anna", "x".repeat(501)));
        assertEquals(failure, login(null, null));
    }

    @Test
    void manyWrongPasswordsDoNotLockTheAccount() {
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(UserDirectory.LoginResult.Failure.class, login("anna", "wrong-" + i));
        }
        assertInstanceOf(UserDirectory.LoginResult.Success.class, login("anna", "right-password-1"));
    }
}
