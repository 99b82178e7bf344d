package app.resonance.surveys.control;

import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds surveys. */
@ApplicationScoped
public class SurveyCatalog {

    @PersistenceContext
    EntityManager em;

    public SurveyCatalog() {}

    SurveyCatalog(EntityManager em) {
        this.em = em;
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
