package app.resonance.distribution.control;

import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Per invitation wave of a survey: invited, sent, opened, answered and the response rate, newest first. */
@ApplicationScoped
public class WaveStats {

    @PersistenceContext
    EntityManager em;

    public WaveStats() {}

    public WaveStats(EntityManager em) {
        this.em = em;
    }

    /** One wave's figures; the response rate is answered / sent (0 while nothing is sent). */
    public record Wave(
            long id,
            Instant createdAt,
            String audience,
            String createdBy,
            int skippedRecent,
            int skippedNoEmail,
            int skippedSuppressed,
            long invited,
            long sent,
            long opened,
            long answered) {

        public double responseRate() {
            return sent == 0 ? 0 : (double) answered / sent;
        }
    }

    public List<Wave> of(Survey survey) {
        List<?> rows = em.createNativeQuery("SELECT w.id, w.created_at, w.audience, w.created_by, w.skipped_recent,"
                        + " w.skipped_no_email, w.skipped_suppressed, COUNT(i.id),"
                        + " SUM(CASE WHEN i.sent_at IS NOT NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN i.opened_at IS NOT NULL THEN 1 ELSE 0 END),"
                        + " COUNT(r.id)"
                        + " FROM invitation_wave w"
                        + " LEFT JOIN invitation i ON i.wave_id = w.id"
                        + " LEFT JOIN response r ON r.invitation_id = i.id"
                        + " WHERE w.survey_id = ?1"
                        + " GROUP BY w.id, w.created_at, w.audience, w.created_by, w.skipped_recent, w.skipped_no_email,"
                        + " w.skipped_suppressed ORDER BY w.created_at DESC, w.id DESC")
                .setParameter(1, survey.id())
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new Wave(
                            ((Number) r[0]).longValue(),
                            instant(r[1]),
                            (String) r[2],
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            ((Number) r[5]).intValue(),
                            ((Number) r[6]).intValue(),
                            number(r[7]),
                            number(r[8]),
                            number(r[9]),
                            number(r[10]));
                })
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
