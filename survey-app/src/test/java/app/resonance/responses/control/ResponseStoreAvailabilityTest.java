package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.SampleData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The survey catalog may serve a survey a moment after it was closed on another instance; the store reads
 * whether it takes answers in its own transaction and refuses, storing nothing.
 */
class ResponseStoreAvailabilityTest {

    @Test
    void aSubmissionToASurveyClosedElsewhereIsRefusedWhereItIsStored() throws Exception {
        DataSource dataSource = SampleData.publishedSurvey("h2");
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            ResponseStore store = new ResponseStore();
            store.em = em;
            store.clock = Clock.fixed(SampleData.T0, ZoneOffset.UTC);
            store.segments = new SegmentCatalog(em);
            store.customers = new CustomerDirectory(em, store.clock);
            var catalog = new SurveyCatalog(em, 60_000);
            var version =
                    catalog.published("nps").orElseThrow().publishedVersion().orElseThrow();
            em.clear();
            var submission = new ValidSubmission(
                    List.of(AnswerValue.score(version.question("nps").orElseThrow(), 9)),
                    "de",
                    false,
                    Channel.API,
                    null,
                    SampleData.T0);

            try (Connection c = dataSource.getConnection()) {
                SampleData.sql(c, "UPDATE survey SET status = 'CLOSED', row_version = row_version + 1");
            }
            // the catalog still serves the open survey (checked a moment ago) ...
            assertEquals(
                    Survey.Availability.OPEN,
                    catalog.published("nps").orElseThrow().availability(SampleData.T0));
            em.clear();
            // ... but storing reads the close
            em.getTransaction().begin();
            var refused = assertThrows(
                    SurveyCatalog.NotTakingAnswersException.class,
                    () -> store.store(
                            version,
                            submission,
                            null,
                            null,
                            null,
                            r -> new ResponseStore.Outcome(r.id(), 201, "", "")));
            em.getTransaction().rollback();
            assertEquals(Survey.Availability.CLOSED, refused.availability());
            try (Connection c = dataSource.getConnection()) {
                assertEquals(1, SampleData.count(c, "SELECT COUNT(*) FROM response"), "nothing stored");
            }
            em.close();
        } finally {
            emf.close();
        }
    }
}
