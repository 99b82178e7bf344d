package app.resonance.surveys.control;

import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds surveys. */
@ApplicationScoped
public class SurveyCatalog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public SurveyCatalog() {}

    SurveyCatalog(EntityManager em) {
        this.em = em;
        this.clock = Clock.systemUTC();
    }

    public Instant now() {
        return clock.instant();
    }

    /** How many complete responses the survey has, for its response limit. */
    public long completeResponses(Survey survey) {
        return em.createQuery(
                        "SELECT COUNT(r) FROM Response r WHERE r.survey = :survey"
                                + " AND r.status = app.resonance.responses.entity.ResponseStatus.COMPLETE",
                        Long.class)
                .setParameter("survey", survey)
                .getSingleResult();
    }

    public Optional<Survey> bySlug(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    public List<Survey> all() {
        return em.createNamedQuery(Survey.ALL, Survey.class).getResultList();
    }
}
