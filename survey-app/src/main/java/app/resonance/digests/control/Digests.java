package app.resonance.digests.control;

import app.resonance.analytics.entity.SavedView;
import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.digests.entity.Cadence;
import app.resonance.digests.entity.Digest;
import app.resonance.digests.entity.DigestRecipient;
import app.resonance.digests.entity.DigestSend;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Digests of saved views: checked, stored, listed, changed and removed (every change audited), and sent: on their
 * schedule by {@link #sendDue} (each period once: the period's row in {@code digest_send}, unique per digest and
 * period start, is written under a lock on the digest in the transaction that queues the mails) or at once by
 * {@link #sendNow} (the last complete period, not recorded as the period's scheduled send).
 */
@ApplicationScoped
public class Digests {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Digests.class.getName());

    /** At most this many recipients per digest. */
    public static final int MAX_RECIPIENTS = 50;

    public static final String DEFAULT_ZONE = "Europe/Berlin";
    public static final int DEFAULT_HOUR = 8;
    public static final List<String> LANGUAGES = List.of("de", "en");

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @Inject
    app.resonance.platform.control.DataScopes scopes;

    private void requireSegment(String segmentKey, String field) {
        if (scopes != null) {
            scopes.current().requireSegment(segmentKey, field);
        }
    }

    @Inject
    DigestMail mail;

    @Inject
    AuditLog audit;

    @Inject
    java.time.Clock clock;

    /** A recipient as typed: a user, or an address with an optional language. */
    public record RecipientDraft(String user, String email, String language) {}

    /** A digest as typed; null where nothing was given. */
    public record Draft(
            String cadence,
            String weekday,
            Integer dayOfMonth,
            Integer hour,
            String zone,
            Boolean paused,
            List<RecipientDraft> recipients) {}

    /** A checked draft: the schedule and the recipients to store. */
    public record Checked(DigestSchedule schedule, boolean paused, List<DigestRecipient> recipients) {}

    /** What a send queued: the period and the number of mails. */
    public record Sent(long digest, DigestSchedule.Period period, int mails) {}

    /** The draft checked, or every error naming its field. */
    public Result check(Draft draft, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Cadence cadence = null;
        if (draft.cadence() == null || draft.cadence().isBlank()) {
            errors.add(messages.error("cadence", "required"));
        } else {
            try {
                cadence = Cadence.valueOf(draft.cadence().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(messages.error("cadence", "oneOf", "WEEKLY, MONTHLY"));
            }
        }
        DayOfWeek weekday = null;
        if (draft.weekday() != null && !draft.weekday().isBlank()) {
            try {
                weekday = DayOfWeek.valueOf(draft.weekday().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(messages.error(
                        "weekday", "oneOf", "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"));
            }
            if (cadence == Cadence.MONTHLY) {
                errors.add(messages.error("weekday", "digestWeeklyOnly"));
            }
        } else if (cadence == Cadence.WEEKLY) {
            errors.add(messages.error("weekday", "required"));
        }
        if (draft.dayOfMonth() != null) {
            if (cadence == Cadence.WEEKLY) {
                errors.add(messages.error("dayOfMonth", "digestMonthlyOnly"));
            } else if (draft.dayOfMonth() < 1 || draft.dayOfMonth() > 28) {
                errors.add(messages.error("dayOfMonth", "range", 1, 28));
            }
        } else if (cadence == Cadence.MONTHLY) {
            errors.add(messages.error("dayOfMonth", "required"));
        }
        int hour = draft.hour() == null ? DEFAULT_HOUR : draft.hour();
        if (hour < 0 || hour > 23) {
            errors.add(messages.error("hour", "range", 0, 23));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(
                    draft.zone() == null || draft.zone().isBlank()
                            ? DEFAULT_ZONE
                            : draft.zone().strip());
        } catch (DateTimeException e) {
            errors.add(messages.error("zone", "timeZone"));
        }
        List<DigestRecipient> recipients = recipients(draft.recipients(), messages, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(
                new Checked(
                        new DigestSchedule(cadence, weekday, draft.dayOfMonth(), hour, zone),
                        Boolean.TRUE.equals(draft.paused()),
                        recipients),
                List.of());
    }

    /** A checked draft, or the errors. */
    public record Result(Checked checked, List<FieldError> errors) {}

    private List<DigestRecipient> recipients(List<RecipientDraft> drafts, Messages messages, List<FieldError> errors) {
        List<DigestRecipient> recipients = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            errors.add(messages.error("recipients", "digestNoRecipients"));
            return recipients;
        }
        if (drafts.size() > MAX_RECIPIENTS) {
            errors.add(messages.error("recipients", "tooMany", MAX_RECIPIENTS));
            return recipients;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "recipients[" + i + "]";
            RecipientDraft r = drafts.get(i);
            String user = r == null ? null : blankToNull(r.user());
            String email = r == null ? null : blankToNull(r.email());
            String language = r == null ? null : blankToNull(r.language());
            if ((user == null) == (email == null)) {
                errors.add(messages.error(field, "digestUserOrEmail"));
            } else if (user != null) {
                Optional<AppUser> found = users.byUsername(user);
                if (found.isEmpty()) {
                    errors.add(messages.error(field + ".user", "unknownUser"));
                } else if (found.get().email().isEmpty()) {
                    errors.add(messages.error(field + ".user", "digestUserWithoutEmail"));
                } else if (language != null) {
                    errors.add(messages.error(field + ".language", "digestUserLanguage"));
                } else if (!seen.add("user:" + user)) {
                    errors.add(messages.error(field + ".user", "duplicate"));
                } else {
                    recipients.add(DigestRecipient.user(user));
                }
            } else {
                String lang = language == null ? null : language.toLowerCase(Locale.ROOT);
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    errors.add(messages.error(field + ".email", "email"));
                } else if (lang != null && !LANGUAGES.contains(lang)) {
                    errors.add(messages.error(field + ".language", "oneOf", String.join(", ", LANGUAGES)));
                } else if (!seen.add("email:" + email.toLowerCase(Locale.ROOT))) {
                    errors.add(messages.error(field + ".email", "duplicate"));
                } else {
                    recipients.add(DigestRecipient.address(email, lang == null ? "en" : lang));
                }
            }
        }
        return recipients;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The schedule of a stored digest. */
    public static DigestSchedule schedule(Digest digest) {
        return new DigestSchedule(digest.cadence(), digest.weekday(), digest.monthDay(), digest.hour(), digest.zone());
    }

    @Transactional
    public List<Digest> ofView(long viewId) {
        return em.createNamedQuery(Digest.OF_VIEW, Digest.class)
                .setParameter("view", viewId)
                .getResultList();
    }

    @Transactional
    public Optional<Digest> byId(long id) {
        return Optional.ofNullable(em.find(Digest.class, id));
    }

    /** The newest period sent on the schedule, if any. */
    @Transactional
    public Optional<DigestSend> lastSent(long digestId) {
        return em.createNamedQuery(DigestSend.LATEST, DigestSend.class)
                .setParameter("digest", digestId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public Digest create(SavedView view, Checked checked, String by) {
        // what the recipients get must not reach beyond what the digest's maker may see
        requireSegment(view.segment(), "view.segment");
        recipientsMaySee(view, checked);
        SavedView managed = em.find(SavedView.class, view.id());
        Digest digest = new Digest(managed, by, clock.instant());
        apply(digest, checked);
        em.persist(digest);
        em.flush();
        audit.record(AuditArea.DIGEST, managed.name(), "created", AuditDetail.of("digest", description(digest)));
        return digest;
    }

    @Transactional
    public Optional<Digest> update(long id, Checked checked) {
        Digest digest = em.find(Digest.class, id);
        if (digest == null) {
            return Optional.empty();
        }
        if (scopes != null && scopes.current().limited()) {
            requireSegment(digest.view().segment(), "view.segment");
        }
        recipientsMaySee(digest.view(), checked);
        apply(digest, checked);
        audit.record(AuditArea.DIGEST, digest.view().name(), "changed", AuditDetail.of("digest", description(digest)));
        return Optional.of(digest);
    }

    @Transactional
    public boolean delete(long id) {
        Digest digest = em.find(Digest.class, id);
        if (digest == null) {
            return false;
        }
        em.createQuery("DELETE FROM DigestSend s WHERE s.digestId = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.remove(digest);
        audit.record(AuditArea.DIGEST, digest.view().name(), "removed", AuditDetail.of("digest", "#" + id));
        return true;
    }

    private void apply(Digest digest, Checked checked) {
        DigestSchedule s = checked.schedule();
        digest.change(
                s.cadence(),
                s.weekday(),
                s.monthDay(),
                s.hour(),
                s.zone(),
                checked.paused(),
                checked.recipients(),
                clock.instant());
    }

    /** Refuses a user recipient limited to segments that do not include the view's (403 naming the recipient). */
    private void recipientsMaySee(SavedView view, Checked checked) {
        if (scopes == null) {
            return;
        }
        for (int i = 0; i < checked.recipients().size(); i++) {
            String user = checked.recipients().get(i).username();
            if (user != null && !scopes.of(user).coversKey(view.segment())) {
                throw new app.resonance.platform.control.OutsideDataScopeException("recipients[" + i + "].user");
            }
        }
    }

    /** "#51 WEEKLY MONDAY 08:00 Europe/Berlin, 2 recipients" for the audit. */
    static String description(Digest d) {
        String when = d.cadence() == Cadence.WEEKLY ? d.weekday().name() : "day " + d.monthDay();
        return "#" + d.id() + " " + d.cadence() + " " + when + " " + String.format("%02d:00", d.hour()) + " "
                + d.zone().getId() + ", " + d.recipients().size() + " recipients"
                + (d.paused() ? ", paused" : "");
    }

    /** The active digests whose due period at {@code now} has not been sent yet. */
    @Transactional
    public List<Long> due(Instant now) {
        List<Long> due = new ArrayList<>();
        for (Digest d : em.createNamedQuery(Digest.ACTIVE, Digest.class).getResultList()) {
            DigestSchedule.Period period = schedule(d).due(now);
            if (!sent(d.id(), period)) {
                due.add(d.id());
            }
        }
        return due;
    }

    private boolean sent(long digestId, DigestSchedule.Period period) {
        return em.createNamedQuery(DigestSend.OF_PERIOD, Long.class)
                        .setParameter("digest", digestId)
                        .setParameter("start", period.from())
                        .getSingleResult()
                > 0;
    }

    /**
     * Sends the digest's period due at {@code now} unless it was sent (or the digest is paused or gone), in a
     * transaction of its own under a lock on the digest: the period's row first, then the mails.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Sent> sendDue(long id, Instant now) {
        Digest digest = em.find(Digest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (digest == null || digest.paused()) {
            return Optional.empty();
        }
        DigestSchedule.Period period = schedule(digest).due(now);
        if (sent(id, period)) {
            return Optional.empty();
        }
        DigestSend row = new DigestSend(id, period.from(), period.to(), clock.instant());
        em.persist(row);
        em.flush();
        Optional<String> broken = mail.broken(digest, period);
        if (broken.isPresent()) {
            LOG.warning(() ->
                    "Digest " + id + " of the saved view '" + digest.view().name() + "' not sent for " + period.label()
                            + ": the view's filters no longer work (" + broken.get() + ").");
            return Optional.of(new Sent(id, period, 0));
        }
        int mails = mail.queue(digest, period);
        row.mails(mails);
        return Optional.of(new Sent(id, period, mails));
    }

    /** How long a digest sent by hand cannot be sent by hand again. */
    public static final java.time.Duration MANUAL_PAUSE = java.time.Duration.ofMinutes(10);

    /** A manual send: what was queued, or (sent null) how long to wait because the last one is too recent. */
    public record Manual(Sent sent, java.time.Duration retryAfter) {}

    /**
     * Sends the digest's last complete period now (paused or not), without recording it as the scheduled send; at
     * most once in {@link #MANUAL_PAUSE} per digest (checked under a lock on the digest, so two requests at once
     * cannot both send).
     */
    @Transactional
    public Manual sendNow(long id) {
        Digest digest = em.find(Digest.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        var last = digest.manualSentAt();
        if (last.isPresent() && last.get().plus(MANUAL_PAUSE).isAfter(now)) {
            return new Manual(null, java.time.Duration.between(now, last.get().plus(MANUAL_PAUSE)));
        }
        digest.sentManually(now);
        DigestSchedule.Period period = schedule(digest).lastComplete(now);
        int mails = mail.queue(digest, period);
        audit.record(
                AuditArea.DIGEST,
                digest.view().name(),
                "sent",
                AuditDetail.of("digestSent", "#" + id, period.from() + " – " + period.to(), mails));
        return new Manual(new Sent(id, period, mails), null);
    }
}
