package app.resonance.surveys.control;

import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds surveys. The public paths (definition, submission) read surveys through {@link #published}, a
 * cache of whole, read-only survey graphs that is checked against the survey's row version on every use:
 * one small query instead of loading survey, version, questions and options, and a publish, close or
 * schedule change on any instance is seen by the next request.
 */
@ApplicationScoped
public class SurveyCatalog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private static final int MAX_PUBLISHED = 1_000;
    private final Map<String, Survey> published = new ConcurrentHashMap<>();

    public SurveyCatalog() {}

    public SurveyCatalog(EntityManager em) {
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

    /** Whether a survey with this slug exists, published or not. */
    public boolean exists(String slug) {
        if (slug == null || slug.length() > 80) {
            return false;
        }
        return !em.createQuery("SELECT s.id FROM Survey s WHERE s.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
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

    /**
     * The survey with this slug as the public paths see it, shared read-only between requests: never
     * change it or pass it to a transaction that could.
     */
    public Optional<Survey> published(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        List<Long> current = em.createQuery("SELECT s.rowVersion FROM Survey s WHERE s.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getResultList();
        if (current.isEmpty()) {
            published.remove(slug);
            return Optional.empty();
        }
        Survey cached = published.get(slug);
        if (cached != null && cached.rowVersion() == current.get(0)) {
            return Optional.of(cached);
        }
        Optional<Survey> fresh = bySlug(slug);
        fresh.ifPresent(survey -> {
            loadWhole(survey);
            if (published.size() >= MAX_PUBLISHED) {
                published.clear();
            }
            published.put(slug, survey);
        });
        return fresh;
    }

    /** Reads every lazy part the public paths use, so that requests sharing the graph never load. */
    private static void loadWhole(Survey survey) {
        survey.publishedVersion().ifPresent(version -> version.questions().forEach(question -> {
            for (OptionRole role : OptionRole.values()) {
                question.options(role);
            }
        }));
    }

    public List<Survey> all() {
        return em.createNamedQuery(Survey.ALL, Survey.class).getResultList();
    }

    /** How many complete responses a survey has and when the newest was given (null: none yet). */
    public record Activity(long responses, Instant lastResponse) {
        public static final Activity NONE = new Activity(0, null);
    }

    /** Every survey's activity by survey id; surveys without a complete response are missing. */
    public Map<Long, Activity> activity() {
        Map<Long, Activity> activity = new java.util.HashMap<>();
        // Native: the newest time comes back as the column's type, which the Instant converter cannot take
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT survey_id, COUNT(*), MAX(submitted_at) FROM response"
                        + " WHERE status = 'COMPLETE' GROUP BY survey_id")
                .getResultList();
        for (Object[] row : rows) {
            Object last = row[2];
            Instant at = last instanceof java.sql.Timestamp t
                    ? t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC)
                    : last instanceof java.time.LocalDateTime t ? t.toInstant(java.time.ZoneOffset.UTC) : null;
            activity.put(((Number) row[0]).longValue(), new Activity(((Number) row[1]).longValue(), at));
        }
        return activity;
    }
}
