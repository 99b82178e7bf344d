package app.resonance.customers.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.customers.entity.SegmentRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds segments and decides which of them a customer belongs to. */
@ApplicationScoped
public class SegmentCatalog {

    @PersistenceContext
    EntityManager em;

    /** The caller's data scope; null when made by hand (tools and tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    public SegmentCatalog() {}

    /** For use outside the container (tools and tests). */
    public SegmentCatalog(EntityManager em) {
        this.em = em;
    }

    public List<Segment> all() {
        return em.createNamedQuery(Segment.ALL, Segment.class).getResultList();
    }

    /**
     * The segments the caller may see and choose: all, or for a user limited to some segments only theirs (lists and
     * filter choices ask here; the app's own work asks {@link #all}).
     */
    public List<Segment> visible() {
        var scope = app.resonance.platform.control.DataScopes.callerOf(scopes);
        return all().stream().filter(s -> scope.covers(s.id())).toList();
    }

    /** A segment the caller may see, by key; empty for another (as if it did not exist). */
    public Optional<Segment> visibleByKey(String key) {
        var scope = app.resonance.platform.control.DataScopes.callerOf(scopes);
        return byKey(key).filter(s -> scope.covers(s.id()));
    }

    public Optional<Segment> byKey(String key) {
        return em.createNamedQuery(Segment.BY_KEY, Segment.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /** The segments the customer belongs to on the given day. */
    public Set<Segment> matching(Customer customer, LocalDate today) {
        return all().stream()
                .filter(segment -> segment.matches(customer, today))
                .collect(Collectors.toSet());
    }

    /** How many customers each segment holds today, counted by the database. */
    public Map<Segment, Long> countMembers(List<Segment> segments, LocalDate today) {
        Map<Segment, Long> counts = new HashMap<>();
        segments.forEach(segment -> counts.put(segment, count(segment.rules(), today)));
        return counts;
    }

    /** The ids of the customers who fulfil all these rules today. */
    public List<Long> memberIds(List<SegmentRule> rules, LocalDate today) {
        SegmentQuery query = SegmentQuery.ids(rules, today);
        var native_ = em.createNativeQuery(query.sql());
        List<Object> parameters = query.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            native_.setParameter(i + 1, parameters.get(i));
        }
        List<?> rows = native_.getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /** How many customers fulfil all these rules today (also for a definition not stored yet). */
    public long count(List<SegmentRule> rules, LocalDate today) {
        SegmentQuery query = SegmentQuery.count(rules, today);
        var native_ = em.createNativeQuery(query.sql());
        List<Object> parameters = query.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            native_.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) native_.getSingleResult()).longValue();
    }
}
