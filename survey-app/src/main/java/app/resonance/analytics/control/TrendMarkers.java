package app.resonance.analytics.control;

import app.resonance.analytics.entity.TrendMarker;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stores and finds trend markers. */
@ApplicationScoped
public class TrendMarkers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Trend markers outside the container (a test, the demo loader) on this entity manager, with this clock. */
    public static TrendMarkers on(EntityManager em, Clock clock) {
        TrendMarkers markers = new TrendMarkers();
        markers.em = em;
        markers.clock = clock;
        return markers;
    }

    public List<TrendMarker> all() {
        return em.createNamedQuery(TrendMarker.ALL, TrendMarker.class).getResultList();
    }

    /** Markers on days from {@code from} to {@code to}, for this survey and segment or for everything. */
    public List<TrendMarker> between(LocalDate from, LocalDate to, Long surveyId, Long segmentId) {
        return all().stream()
                .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to))
                .filter(m -> m.survey().isEmpty()
                        || surveyId == null
                        || m.survey().get().id().equals(surveyId))
                .filter(m -> m.segment().isEmpty()
                        || segmentId == null
                        || m.segment().get().id().equals(segmentId))
                .toList();
    }

    public Optional<TrendMarker> byId(long id) {
        return Optional.ofNullable(em.find(TrendMarker.class, id));
    }

    public TrendMarker add(
            Survey survey, Segment segment, LocalDate date, String label, String description, String createdBy) {
        TrendMarker marker = new TrendMarker(survey, segment, date, label, description, createdBy, clock.instant());
        em.persist(marker);
        em.flush();
        return marker;
    }

    public boolean remove(long id) {
        return byId(id).map(marker -> {
                    em.remove(marker);
                    return true;
                })
                .orElse(false);
    }
}
