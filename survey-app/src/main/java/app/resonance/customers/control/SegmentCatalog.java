package app.resonance.customers.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds segments and decides which of them a customer belongs to. */
@ApplicationScoped
public class SegmentCatalog {

    @PersistenceContext
    EntityManager em;

    public SegmentCatalog() {
    }

    /** For use outside the container (tools and tests). */
    public SegmentCatalog(EntityManager em) {
        this.em = em;
    }

    public List<Segment> all() {
        return em.createNamedQuery(Segment.ALL, Segment.class).getResultList();
    }

    public Optional<Segment> byKey(String key) {
        return em.createNamedQuery(Segment.BY_KEY, Segment.class).setParameter("key", key).getResultStream().findFirst();
    }

    /** The segments the customer belongs to on the given day. */
    public Set<Segment> matching(Customer customer, LocalDate today) {
        return all().stream().filter(segment -> segment.matches(customer, today)).collect(Collectors.toSet());
    }

    /** How many customers the segment holds today. */
    public long countMembers(Segment segment, LocalDate today) {
        return em.createQuery("SELECT c FROM Customer c", Customer.class)
                .getResultStream()
                .filter(customer -> segment.matches(customer, today))
                .count();
    }
}
