package app.resonance.customers.control;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds customers and stores them, upserting by external id. Runs in the caller's transaction. */
@ApplicationScoped
public class CustomerDirectory {

    /** The columns a customer list may be sorted by (never a client's text in the query). */
    public static final Map<String, String> SORTABLE = Map.of(
            "externalId", "c.externalId",
            "name", "c.name",
            "plan", "c.plan",
            "region", "c.region",
            "renewalDate", "c.renewalDate",
            "createdAt", "c.createdAt");

    /** EclipseLink's batch reading: the attributes of a page of customers in one more query, not one per customer. */
    static final String BATCH = "eclipselink.batch";

    static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public CustomerDirectory() {}

    /** For use outside the container (tools and tests). */
    public CustomerDirectory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Optional<Customer> byExternalId(String externalId) {
        return em.createNamedQuery(Customer.BY_EXTERNAL_ID, Customer.class)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /** Creates or updates the customer with this external id; answers whether it was created. */
    public boolean upsert(CustomerProfile profile) {
        return upsertAll(List.of(profile)).created() == 1;
    }

    public record UpsertCount(int created, int updated) {}

    /** Creates or updates every profile, looking the existing ones up in batches. */
    public UpsertCount upsertAll(List<CustomerProfile> profiles) {
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        for (int from = 0; from < profiles.size(); from += 500) {
            List<CustomerProfile> batch = profiles.subList(from, Math.min(profiles.size(), from + 500));
            Map<String, Customer> existing = new HashMap<>(em.createNamedQuery(Customer.BY_EXTERNAL_IDS, Customer.class)
                    .setParameter(
                            "externalIds",
                            batch.stream().map(CustomerProfile::externalId).toList())
                    .setHint(BATCH, "c.attributes")
                    .setHint(BATCH_TYPE, "IN")
                    .getResultStream()
                    .collect(Collectors.toMap(Customer::externalId, Function.identity())));
            for (CustomerProfile profile : batch) {
                Customer customer = existing.get(profile.externalId());
                if (customer == null) {
                    customer = new Customer(profile.externalId(), profile.name(), now);
                    customer.update(profile, now);
                    em.persist(customer);
                    existing.put(profile.externalId(), customer);
                    created++;
                } else {
                    customer.update(profile, now);
                    updated++;
                }
            }
            em.flush();
        }
        return new UpsertCount(created, updated);
    }

    /** One page of customers, sorted by a whitelisted column. */
    public List<Customer> page(int offset, int limit, String sort, boolean descending) {
        String column = SORTABLE.getOrDefault(sort, "c.externalId");
        return em.createQuery(
                        "SELECT c FROM Customer c ORDER BY " + column + (descending ? " DESC" : " ASC") + ", c.id ASC",
                        Customer.class)
                .setHint(BATCH, "c.attributes")
                .setHint(BATCH_TYPE, "IN")
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }
}
