package app.resonance.surveys.control;

import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds surveys. The public paths (definition, submission, form pages, the widget's CORS check) read surveys
 * through {@link #published}, a cache of whole, read-only survey graphs. An open survey's entry is checked
 * against the survey's row version at most every {@code resonance.surveys.recheckMillis} (one small query),
 * so a close, a new version or a settings change made on another instance is seen within that time; this
 * instance's own changes ({@link #changed}) drop the entry at once. An entry that takes no answers (draft,
 * closed) is checked on every use, so a publish or reopen anywhere is seen by the next request. Whether a
 * survey takes answers is read again, authoritatively, where a response is stored ({@link #takesAnswers}).
 */
@ApplicationScoped
public class SurveyCatalog {

    @PersistenceContext
    EntityManager em;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "resonance.surveys.recheckMillis", defaultValue = "1000")
    long recheckMillis = 1000;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private static final int MAX_PUBLISHED = 1_000;

    /** A cached graph and when its row version was last read (System.nanoTime). */
    private record Entry(Survey survey, long checkedAt) {}

    private final Map<String, Entry> published = new ConcurrentHashMap<>();

    /** Counts evictions: a graph read while one happened is not cached (it may predate the change). */
    private final AtomicLong evictions = new AtomicLong();

    LongSupplier ticker = System::nanoTime;

    public SurveyCatalog() {}

    public SurveyCatalog(EntityManager em) {
        this(em, 1000);
    }

    public SurveyCatalog(EntityManager em, long recheckMillis) {
        this.em = em;
        this.clock = Clock.systemUTC();
        this.recheckMillis = recheckMillis;
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
     * change it or pass it to a transaction that could. An open survey may be up to
     * {@code resonance.surveys.recheckMillis} old when changed on another instance.
     */
    public Optional<Survey> published(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        long now = ticker.getAsLong();
        Entry cached = published.get(slug);
        if (cached != null
                && cached.survey().isOpen()
                && now - cached.checkedAt() < TimeUnit.MILLISECONDS.toNanos(recheckMillis)) {
            return Optional.of(cached.survey());
        }
        long generation = evictions.get();
        List<Long> current = em.createQuery("SELECT s.rowVersion FROM Survey s WHERE s.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getResultList();
        if (current.isEmpty()) {
            published.remove(slug);
            return Optional.empty();
        }
        if (cached != null && cached.survey().rowVersion() == current.get(0)) {
            cache(slug, cached.survey(), now, generation);
            return Optional.of(cached.survey());
        }
        Optional<Survey> fresh = bySlug(slug);
        fresh.ifPresent(survey -> {
            loadWhole(survey);
            cache(slug, survey, now, generation);
        });
        return fresh;
    }

    private void cache(String slug, Survey survey, long checkedAt, long generation) {
        if (published.size() >= MAX_PUBLISHED) {
            published.clear();
        }
        published.put(slug, new Entry(survey, checkedAt));
        if (evictions.get() != generation) {
            // changed on this instance while it was read: the next use reads it again
            published.remove(slug);
        }
    }

    private void evict(String slug) {
        evictions.incrementAndGet();
        published.remove(slug);
    }

    /**
     * This instance changed the survey (publish, close, reopen, settings, draft): its cached graph is dropped
     * now and again when the current transaction ends, so that no request serves the old one after the commit.
     */
    public void changed(String slug) {
        evict(slug);
        if (transactions != null) {
            try {
                if (transactions.getTransactionKey() != null) {
                    transactions.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                            // nothing before
                        }

                        @Override
                        public void afterCompletion(int status) {
                            evict(slug);
                        }
                    });
                }
            } catch (IllegalStateException e) {
                // no transaction to wait for: dropped above
            }
        }
    }

    /**
     * Whether the survey takes answers now, read from the database in the caller's transaction: the
     * authoritative check where a response is stored, as the cached graph may be a moment old.
     */
    public static Survey.Availability takesAnswers(EntityManager em, long surveyId, Instant now) {
        List<Object[]> rows = em.createQuery(
                        "SELECT s.status, s.opensAt, s.closesAt FROM Survey s WHERE s.id = :id", Object[].class)
                .setParameter("id", surveyId)
                .getResultList();
        if (rows.isEmpty()) {
            return Survey.Availability.UNPUBLISHED;
        }
        Object[] row = rows.get(0);
        return Survey.availability((SurveyStatus) row[0], (Instant) row[1], (Instant) row[2], now);
    }

    /** A survey that takes no answers now, found where a response was to be stored. */
    public static class NotTakingAnswersException extends RuntimeException {

        private final transient Survey.Availability availability;

        public NotTakingAnswersException(Survey.Availability availability) {
            super(availability.name(), null, false, false);
            this.availability = availability;
        }

        public Survey.Availability availability() {
            return availability;
        }
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
                        + " WHERE status = 'COMPLETE' AND "
                        + app.resonance.platform.control.DataScopes.callerOf(scopes)
                                .responses("response.id")
                        + " GROUP BY survey_id")
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
