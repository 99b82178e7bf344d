package app.resonance.testsupport;

import app.resonance.demo.control.DemoDataLoader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/** The demo on a test database without a container: {@link DemoDataLoader#load} in one local JPA transaction. */
public final class DemoData {

    private DemoData() {}

    /** A fresh {@code h2} or {@code postgres} database with every migration and the demo loaded at this moment. */
    public static DataSource migratedWithDemo(String database, LocalDate today, Instant now) throws SQLException {
        DataSource dataSource = OutboxSetUp.migrated(database);
        load(dataSource, today, now);
        return dataSource;
    }

    /** Loads the demo unless it is there already; answers the number of responses written (0 if skipped). */
    public static int load(DataSource dataSource, LocalDate today, Instant now) throws SQLException {
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                int written = DemoDataLoader.load(em, today, now);
                em.getTransaction().commit();
                return written;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        } finally {
            emf.close();
        }
    }
}
