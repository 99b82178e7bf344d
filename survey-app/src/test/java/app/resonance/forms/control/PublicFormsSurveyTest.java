package app.resonance.forms.control;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.SampleData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The survey behind a form link comes from the catalog's published cache, whole: rendering loads nothing. */
class PublicFormsSurveyTest {

    @Test
    void theFormsSurveyIsTheSharedPublishedGraphLoadedWhole() throws Exception {
        DataSource dataSource = SampleData.publishedSurvey("h2");
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            PublicForms forms = new PublicForms();
            forms.catalog = new SurveyCatalog(em);

            Survey survey = forms.survey("nps").orElseThrow();
            SurveyVersion version = survey.publishedVersion().orElseThrow();
            var loaded = emf.getPersistenceUnitUtil();
            assertTrue(loaded.isLoaded(version, "questions"), "the questions are read with the survey");
            version.questions().forEach(q -> assertTrue(loaded.isLoaded(q, "options"), "the options of " + q.key()));

            em.clear(); // the next request has a persistence context of its own
            assertSame(survey, forms.survey("nps").orElseThrow(), "one graph shared by the requests");
            em.close();
        } finally {
            emf.close();
        }
    }
}
