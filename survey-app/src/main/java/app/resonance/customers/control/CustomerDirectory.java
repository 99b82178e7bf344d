package app.resonance.customers.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

    @Inject
    AuditLog audit;

    /** The caller's data scope; null when made by hand (tools and tests), which sees everything. */
    @Inject
    app.resonance.platform.control.DataScopes scopes;

    /** The same sort columns in SQL, for the lists of a user limited to some segments. */
    static final Map<String, String> SORTABLE_SQL = Map.of(
            "externalId", "c.external_id",
            "name", "c.name",
            "plan", "c.plan",
            "region", "c.region",
            "renewalDate", "c.renewal_date",
            "createdAt", "c.created_at");

    private app.resonance.platform.control.DataScope scope() {
        return app.resonance.platform.control.DataScopes.callerOf(scopes);
    }

    /**
     * A customer the caller may see: any, or for a user limited to some segments one who belongs to one of them
     * today; empty otherwise (as if they did not exist). Lists and pages ask here, the app's own work asks
     * {@link #byExternalId}.
     */
    public Optional<Customer> visibleByExternalId(String externalId) {
        var scope = scope();
        LocalDate today = LocalDate.now(clock);
        return byExternalId(externalId)
                .filter(c -> !scope.limited()
                        || scope.segmentIds().stream()
                                .map(id -> em.find(app.resonance.customers.entity.Segment.class, id))
                                .anyMatch(s -> s != null && s.matches(c, today)));
    }

    /** The SQL condition "in one of the caller's segments today" over {@code customer c}, its parameters added. */
    private String scopeCondition(app.resonance.platform.control.DataScope scope, List<Object> params) {
        LocalDate today = LocalDate.now(clock);
        List<String> parts = new java.util.ArrayList<>();
        for (Long id : scope.segmentIds()) {
            var segment = em.find(app.resonance.customers.entity.Segment.class, id);
            if (segment == null) {
                continue;
            }
            SegmentQuery members = SegmentQuery.members(segment.rules(), today, params.size() + 1);
            parts.add("c.id IN (" + members.sql() + ")");
            params.addAll(members.parameters());
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
    }

    /** The filter's conditions in SQL over {@code customer c} and the caller's segments. */
    private String scopedWhere(
            CustomerFilter filter, app.resonance.platform.control.DataScope scope, List<Object> params) {
        List<String> conditions = new java.util.ArrayList<>();
        if (filter.text() != null) {
            String like = "%" + SegmentQuery.escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%";
            int n = params.size();
            conditions.add("(LOWER(c.external_id) LIKE ?" + (n + 1) + " ESCAPE '\\' OR LOWER(c.name) LIKE ?" + (n + 2)
                    + " ESCAPE '\\' OR LOWER(c.email) LIKE ?" + (n + 3) + " ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (filter.plan() != null) {
            params.add(filter.plan());
            conditions.add("c.plan = ?" + params.size());
        }
        if (filter.region() != null) {
            params.add(filter.region());
            conditions.add("c.region = ?" + params.size());
        }
        conditions.add(scopeCondition(scope, params));
        return " WHERE " + String.join(" AND ", conditions);
    }

    private List<Customer> scopedPage(
            CustomerFilter filter,
            app.resonance.platform.control.DataScope scope,
            int offset,
            int limit,
            String sort,
            boolean descending) {
        List<Object> params = new java.util.ArrayList<>();
        String sql = "SELECT c.id FROM customer c" + scopedWhere(filter, scope, params) + " ORDER BY "
                + SORTABLE_SQL.getOrDefault(sort, "c.external_id") + (descending ? " DESC" : " ASC") + ", c.id ASC";
        var query = em.createNativeQuery(sql).setFirstResult(offset).setMaxResults(limit);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Long> ids = ((List<?>) query.getResultList())
                .stream()
                        .map(o -> ((Number) (o instanceof Object[] row ? row[0] : o)).longValue())
                        .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> byId = new java.util.HashMap<>();
        em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class)
                .setParameter("ids", ids)
                .setHint(BATCH, "c.attributes")
                .setHint(BATCH_TYPE, "IN")
                .getResultList()
                .forEach(c -> byId.put(c.id(), c));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private long scopedCount(CustomerFilter filter, app.resonance.platform.control.DataScope scope) {
        List<Object> params = new java.util.ArrayList<>();
        var query = em.createNativeQuery("SELECT COUNT(*) FROM customer c" + scopedWhere(filter, scope, params));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    public CustomerDirectory() {}

    /** For use outside the container (tools and tests). */
    public CustomerDirectory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.audit = new AuditLog(em, clock, AuditLog.SYSTEM);
    }

    public Optional<Customer> byExternalId(String externalId) {
        return em.createNamedQuery(Customer.BY_EXTERNAL_ID, Customer.class)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /** Creates or updates the customer with this external id; answers whether it was created. */
    public boolean upsert(CustomerProfile profile) {
        boolean created = store(List.of(profile)).created() == 1;
        audit.record(AuditArea.CUSTOMER, profile.externalId(), created ? "created" : "updated");
        return created;
    }

    public record UpsertCount(int created, int updated) {}

    /** Creates or updates every profile (an import), looking the existing ones up in batches. */
    public UpsertCount upsertAll(List<CustomerProfile> profiles) {
        UpsertCount count = store(profiles);
        audit.record(
                AuditArea.CUSTOMER, "import", "imported", AuditDetail.of("imported", count.created(), count.updated()));
        return count;
    }

    private UpsertCount store(List<CustomerProfile> profiles) {
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
        return page(CustomerFilter.NONE, offset, limit, sort, descending);
    }

    /** One page of the customers the filter lets through, sorted by a whitelisted column. */
    public List<Customer> page(CustomerFilter filter, int offset, int limit, String sort, boolean descending) {
        var scope = scope();
        if (scope.limited()) {
            return scopedPage(filter, scope, offset, limit, sort, descending);
        }
        String column = SORTABLE.getOrDefault(sort, "c.externalId");
        var query = em.createQuery(
                        "SELECT c FROM Customer c" + where(filter) + " ORDER BY " + column
                                + (descending ? " DESC" : " ASC") + ", c.id ASC",
                        Customer.class)
                .setHint(BATCH, "c.attributes")
                .setHint(BATCH_TYPE, "IN")
                .setFirstResult(offset)
                .setMaxResults(limit);
        bind(query, filter);
        return query.getResultList();
    }

    public long count() {
        if (scope().limited()) {
            return scopedCount(CustomerFilter.NONE, scope());
        }
        return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }

    public long count(CustomerFilter filter) {
        if (scope().limited()) {
            return scopedCount(filter, scope());
        }
        var query = em.createQuery("SELECT COUNT(c) FROM Customer c" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    /** The distinct values of plan or region, for filter choices. */
    public List<String> values(String field) {
        if (!field.equals("plan") && !field.equals("region")) {
            throw new IllegalArgumentException(field);
        }
        return em.createQuery(
                        "SELECT DISTINCT c." + field + " FROM Customer c WHERE c." + field + " IS NOT NULL ORDER BY c."
                                + field,
                        String.class)
                .getResultList();
    }

    private static String where(CustomerFilter filter) {
        List<String> conditions = new java.util.ArrayList<>();
        if (filter.text() != null) {
            conditions.add("(LOWER(c.externalId) LIKE :text ESCAPE '\\' OR LOWER(c.name) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.email) LIKE :text ESCAPE '\\')");
        }
        if (filter.plan() != null) {
            conditions.add("c.plan = :plan");
        }
        if (filter.region() != null) {
            conditions.add("c.region = :region");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(jakarta.persistence.Query query, CustomerFilter filter) {
        if (filter.text() != null) {
            query.setParameter(
                    "text", "%" + SegmentQuery.escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (filter.plan() != null) {
            query.setParameter("plan", filter.plan());
        }
        if (filter.region() != null) {
            query.setParameter("region", filter.region());
        }
    }
}
