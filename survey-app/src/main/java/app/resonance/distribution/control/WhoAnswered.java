package app.resonance.distribution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who answered one invitation wave (issue 16, "who answered"): the customers its mail reached (invitations
 * sent) against those who answered (a response through the invitation, as the wave's figures count it), by
 * plan, region and lifecycle stage, each with its {@link RespondentMix} test. One grouped query per wave.
 */
@ApplicationScoped
public class WhoAnswered {

    /** The customer attributes compared, in this order: the name the API uses and the column. */
    static final Map<String, Integer> DIMENSIONS = dimensions();

    @PersistenceContext
    EntityManager em;

    public WhoAnswered() {}

    public WhoAnswered(EntityManager em) {
        this.em = em;
    }

    /** The wave's mix along every attribute, or empty when the survey has no such wave. */
    public Optional<List<RespondentMix>> of(long surveyId, long waveId) {
        List<?> wave = em.createNativeQuery("SELECT id FROM invitation_wave WHERE id = ?1 AND survey_id = ?2")
                .setParameter(1, waveId)
                .setParameter(2, surveyId)
                .getResultList();
        if (wave.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT c.plan, c.region, c.lifecycle_stage,"
                        + " CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS answered, COUNT(*)"
                        + " FROM invitation i JOIN customer c ON c.id = i.customer_id"
                        + " LEFT JOIN response r ON r.invitation_id = i.id"
                        + " WHERE i.wave_id = ?1 AND i.sent_at IS NOT NULL"
                        + " GROUP BY c.plan, c.region, c.lifecycle_stage, CASE WHEN r.id IS NULL THEN 0 ELSE 1 END")
                .setParameter(1, waveId)
                .getResultList();
        List<RespondentMix> mixes = new ArrayList<>();
        DIMENSIONS.forEach((dimension, column) -> {
            Map<String, long[]> byValue = new java.util.TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                long[] counts = byValue.computeIfAbsent((String) r[column], v -> new long[2]);
                long n = ((Number) r[4]).longValue();
                counts[0] += n;
                if (((Number) r[3]).intValue() == 1) {
                    counts[1] += n;
                }
            }
            List<RespondentMix.Count> counts = byValue.entrySet().stream()
                    .map(e -> new RespondentMix.Count(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
            mixes.add(RespondentMix.of(dimension, counts));
        });
        return Optional.of(mixes);
    }

    private static Map<String, Integer> dimensions() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("plan", 0);
        d.put("region", 1);
        d.put("lifecycleStage", 2);
        return d;
    }
}
