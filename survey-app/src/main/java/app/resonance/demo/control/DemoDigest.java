package app.resonance.demo.control;

import app.resonance.analytics.entity.SavedView;
import app.resonance.digests.control.DigestSchedule;
import app.resonance.digests.control.Digests;
import app.resonance.digests.entity.Cadence;
import app.resonance.digests.entity.Digest;
import app.resonance.digests.entity.DigestRecipient;
import app.resonance.digests.entity.DigestSend;
import app.resonance.security.control.FirstAdmin;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's weekly digest of the saved view "Business NPS, last 12 months": Mondays at 08:00 Berlin time to the
 * team's address (English) and the demo lead (German, their account's language); the period due at the demo's start
 * is recorded as sent, so the next mail goes out on the next Monday.
 */
final class DemoDigest {

    /** The demo digest's address (no mailbox: the demo's SMTP server does not answer, the mail waits in the outbox). */
    static final String ADDRESS = "cs-team@resonance.example";

    private DemoDigest() {}

    /** Writes the digest and its sent period in the caller's transaction. */
    static Digest write(EntityManager em, SavedView view, Instant now) {
        Digest digest = new Digest(view, FirstAdmin.USERNAME, now);
        digest.change(
                Cadence.WEEKLY,
                DayOfWeek.MONDAY,
                null,
                Digests.DEFAULT_HOUR,
                ZoneId.of(Digests.DEFAULT_ZONE),
                false,
                List.of(DigestRecipient.address(ADDRESS, "en"), DigestRecipient.user(DemoAccounts.LEAD)),
                now);
        em.persist(digest);
        em.flush();
        DigestSchedule schedule = Digests.schedule(digest);
        DigestSchedule.Period sent = schedule.due(now);
        DigestSend row = new DigestSend(digest.id(), sent.from(), sent.to(), schedule.sendTime(sent));
        row.mails(2);
        em.persist(row);
        return digest;
    }
}
