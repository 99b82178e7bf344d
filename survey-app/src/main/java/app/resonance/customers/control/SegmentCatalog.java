package app.resonance.customers.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
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

    public SegmentCatalog() {}

    /** For use outside the container (tools and tests). */
    public SegmentCatalog(EntityManager em) {
        this.em = em;
    }

    public List<Segment> all() {
        return em.createNamedQuery(Segment.ALL, Segment.class).getResultList();
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

    /** How many customers each segment holds today; reads the customers once for all segments. */
    public Map<Segment, Long> countMembers(List<Segment> segments, LocalDate today) {
        Map<Segment, Long> counts = new HashMap<>();
        segments.forEach(segment -> counts.put(segment, 0L));
        em.createQuery("SELECT c FROM Customer c", Customer.class)
                .setHint(CustomerDirectory.BATCH, "c.attributes")
                .setHint(CustomerDirectory.BATCH_TYPE, "IN")
                .getResultList()
                .forEach(customer -> segments.stream()
                        .filter(s -> s.matches(customer, today))
                        .forEach(s -> counts.merge(s, 1L, Long::sum)));
        return counts;
    }
}
