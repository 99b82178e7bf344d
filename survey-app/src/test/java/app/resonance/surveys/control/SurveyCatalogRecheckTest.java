package app.resonance.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyStatus;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.SampleData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published cache re-reads an open survey's row version at most every recheckMillis: a change made on
 * another instance (here: straight in the database) is seen within that time, this instance's own changes at
 * once, and a survey that takes no answers is checked on every use, so that a publish or reopen is never late.
 */
class SurveyCatalogRecheckTest {

    DataSource dataSource;
    EntityManagerFactory emf;
    EntityManager em;
    SurveyCatalog catalog;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void seed() throws SQLException {
        dataSource = SampleData.publishedSurvey("h2");
        emf = Jpa.on(dataSource);
        em = emf.createEntityManager();
        catalog = new SurveyCatalog(em, 1000);
        catalog.ticker = nanos::get;
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    /** What another instance does: change the survey row, with its row version. */
    void elsewhere(String status) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            SampleData.sql(c, "UPDATE survey SET status = ?, row_version = row_version + 1 WHERE slug = 'nps'", status);
        }
        em.clear(); // every request has a persistence context of its own
    }

    Survey published() {
        Survey survey = catalog.published("nps").orElseThrow();
        em.clear();
        return survey;
    }

    void later(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aCloseElsewhereIsSeenWithinTheRecheckTimeAndTheStoringTransactionSeesItAtOnce() throws SQLException {
        Survey open = published();
        assertEquals(SurveyStatus.OPEN, open.status());

        elsewhere("CLOSED");
        later(500);
        assertSame(open, published(), "within the recheck time the cached graph is used without a query");
        assertEquals(
                Survey.Availability.CLOSED,
                SurveyCatalog.takesAnswers(em, open.id(), Instant.now()),
                "where a response is stored, the close is seen at once");

        later(600);
        Survey closed = published();
        assertNotSame(open, closed);
        assertEquals(SurveyStatus.CLOSED, closed.status(), "seen after the recheck time");
    }

    @Test
    void aSurveyThatTakesNoAnswersIsCheckedOnEveryUseSoAReopenIsNeverLate() throws SQLException {
        published();
        elsewhere("CLOSED");
        later(1001);
        assertEquals(SurveyStatus.CLOSED, published().status());

        elsewhere("OPEN");
        assertEquals(SurveyStatus.OPEN, published().status(), "no wait for a reopen");
    }

    @Test
    void thisInstancesOwnChangeIsSeenAtOnce() throws SQLException {
        Survey open = published();
        elsewhere("CLOSED");
        catalog.changed("nps");
        assertEquals(SurveyStatus.CLOSED, published().status());
        assertNotSame(open, published());
    }

    @Test
    void withoutARecheckTimeEveryUseReadsTheRowVersion() throws SQLException {
        catalog = new SurveyCatalog(em, 0);
        catalog.ticker = nanos::get;
        published();
        elsewhere("CLOSED");
        assertEquals(SurveyStatus.CLOSED, published().status());
    }
}
