package app.resonance.digests.control;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.DashboardReport;
import app.resonance.analytics.control.DashboardReports;
import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.entity.SavedView;
import app.resonance.digests.entity.Cadence;
import app.resonance.digests.entity.Digest;
import app.resonance.digests.entity.DigestRecipient;
import app.resonance.distribution.control.MailOutbox;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.followups.control.FollowUps;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Composes and queues a digest's mails: per recipient, in their language, a short summary (the view's headline
 * figure in the period against the period before with the significance of the change, as the segment comparison
 * of the dashboard and the API computes it; the alerts raised in the period; the overdue follow-up tasks) in text
 * and HTML (every value escaped), and the view's PDF report attached as the PDF endpoint makes it for the view, its
 * days ending with the period.
 */
@ApplicationScoped
public class DigestMail {

    private static final Logger LOG = Logger.getLogger(DigestMail.class.getName());
    static final String FALLBACK_BASE = "http://localhost:8080";

    @PersistenceContext
    EntityManager em;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AnalyticsSettings settings;

    @Inject
    TrendAnalysis analysis;

    @Inject
    DashboardReports reports;

    @Inject
    FollowUps followUps;

    @Inject
    UserDirectory users;

    @Inject
    app.resonance.platform.control.DataScopes scopes;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings mailSettings;

    @Inject
    Clock clock;

    /** Who gets one mail, in which language. */
    public record Addressee(String email, Messages messages) {}

    /**
     * What the mail says: the view, the period and the one before, the survey and segment (in the mail's language),
     * the figure with its change, the alerts of the period and the overdue tasks now.
     */
    public record Summary(
            Cadence cadence,
            String view,
            DigestSchedule.Period period,
            TrendAnalysis.Periods periods,
            String survey,
            String segment,
            String metric,
            TrendAnalysis.SegmentFigure figure,
            long alerts,
            long overdue,
            String dashboard) {}

    /** Why the view cannot be reported for the period (its filters no longer work), or empty. */
    public Optional<String> broken(Digest digest, DigestSchedule.Period period) {
        AnalyticsQuery.Result result = reportQuery(digest.view(), period);
        if (result.valid()) {
            return Optional.empty();
        }
        return Optional.of(result.complaints().stream()
                .map(c -> c.field() + ": " + c.code())
                .collect(Collectors.joining(", ")));
    }

    /** The report's query: the view as it is opened on the period's last day. */
    AnalyticsQuery.Result reportQuery(SavedView view, DigestSchedule.Period period) {
        return queries.read(
                SavedViews.input(SavedViews.draft(view), period.to()), AnalyticsQuery.TREND_DAYS, period.to());
    }

    /** Queues one mail per recipient with an address, in the caller's transaction; answers how many. */
    public int queue(Digest digest, DigestSchedule.Period period) {
        AnalyticsQuery.Result result = reportQuery(digest.view(), period);
        if (!result.valid()) {
            throw new IllegalStateException(
                    "The filters of the saved view " + digest.view().id() + " no longer work");
        }
        AnalyticsQuery query = result.query();
        Map<Locale, byte[]> pdfs = new HashMap<>();
        Instant now = clock.instant();
        int queued = 0;
        for (Addressee to : addressees(digest)) {
            Summary summary = summary(digest, period, query, to.messages());
            byte[] pdf = pdfs.computeIfAbsent(to.messages().locale(), l -> pdf(query, to.messages()));
            outbox.enqueue(new OutboxMail(
                            OutboxMail.Kind.DIGEST,
                            null,
                            to.email(),
                            subject(summary, to.messages()),
                            text(summary, to.messages()),
                            html(summary, to.messages()),
                            now,
                            now)
                    .attach(fileName(digest, period), "application/pdf", pdf));
            queued++;
        }
        return queued;
    }

    /** "resonance-digest-2026-W49.pdf". */
    static String fileName(Digest digest, DigestSchedule.Period period) {
        return "resonance-digest-" + period.label() + ".pdf";
    }

    /** The recipients with an address: users (enabled, with an address) in their language, addresses in theirs. */
    List<Addressee> addressees(Digest digest) {
        java.util.ArrayList<Addressee> out = new java.util.ArrayList<>();
        for (DigestRecipient r : digest.recipients()) {
            if (r.username() != null) {
                Optional<AppUser> user = users.byUsername(r.username()).filter(AppUser::enabled);
                if (user.isEmpty() || user.get().email().isEmpty()) {
                    LOG.info(() -> "Digest " + digest.id() + ": the user " + r.username()
                            + " is gone, disabled or without an e-mail address; no mail for them.");
                    continue;
                }
                if (scopes != null
                        && !scopes.of(r.username()).coversKey(digest.view().segment())) {
                    // a user limited to some segments never gets figures of others by mail either
                    LOG.info(() -> "Digest " + digest.id() + ": the user " + r.username()
                            + " may not see the view's segment; no mail for them.");
                    continue;
                }
                Locale language =
                        user.get().language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
                out.add(new Addressee(user.get().email().orElseThrow(), Messages.of(language)));
            } else {
                out.add(new Addressee(r.email(), Messages.of(Locale.forLanguageTag(r.language()))));
            }
        }
        return out;
    }

    private byte[] pdf(AnalyticsQuery query, Messages messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            reports.write(query, messages, out);
        } catch (IOException e) {
            throw new UncheckedIOException("The digest's PDF report could not be written", e);
        }
        return out.toByteArray();
    }

    /** The summary of the period in the messages' language. */
    Summary summary(Digest digest, DigestSchedule.Period period, AnalyticsQuery query, Messages messages) {
        var filter = query.filter().between(period.from(), period.to());
        ZoneId zone = settings.zone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        var alerts = em.createQuery(
                        "SELECT COUNT(a) FROM Alert a WHERE a.createdAt >= :from AND a.createdAt < :to"
                                + (filter.surveyId() == null ? "" : " AND a.surveyId = :survey"),
                        Long.class)
                .setParameter("from", from)
                .setParameter("to", to);
        if (filter.surveyId() != null) {
            alerts.setParameter("survey", filter.surveyId());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long overdue = followUps.count(new FollowUps.Query(null, null, null, true, today));
        SavedView view = digest.view();
        return new Summary(
                digest.cadence(),
                view.name(),
                period,
                TrendAnalysis.Periods.of(period.from(), period.to()),
                query.surveyTitle(messages),
                query.segment() == null
                        ? messages.get("report.allSegments")
                        : query.segment().name().in(messages.locale()),
                filter.metric().name(),
                analysis.change(filter, query.rules()),
                alerts.getSingleResult(),
                overdue,
                mailSettings.publicUrl().orElse(FALLBACK_BASE) + "/admin/dashboard.xhtml?"
                        + SavedViews.input(SavedViews.draft(view), period.to()).queryString(false));
    }

    static String subject(Summary s, Messages messages) {
        return messages.get(
                "digest.subject." + s.cadence(), s.view(), s.period().label());
    }

    /** The plain-text part. */
    static String text(Summary s, Messages messages) {
        DashboardReport words = new DashboardReport(messages);
        StringBuilder out = new StringBuilder()
                .append(messages.get("digest.heading." + s.cadence(), s.view()))
                .append("\n\n");
        for (Row row : rows(s, messages, words)) {
            out.append(row.label()).append(": ").append(row.value()).append('\n');
        }
        return out.append('\n')
                .append(words.verdict(s.figure().change()))
                .append("\n\n")
                .append(messages.get("digest.attached"))
                .append('\n')
                .append(messages.get("digest.open"))
                .append(": ")
                .append(s.dashboard())
                .append('\n')
                .toString();
    }

    /** The HTML part (templates/mail/digest.mustache, which escapes every value). */
    static String html(Summary s, Messages messages) {
        DashboardReport words = new DashboardReport(messages);
        return Templates.render(
                "mail/digest.mustache",
                new Html(
                        messages.get("digest.heading." + s.cadence(), s.view()),
                        rows(s, messages, words),
                        words.verdict(s.figure().change()),
                        messages.get("digest.attached"),
                        s.dashboard(),
                        messages.get("digest.open")));
    }

    record Html(String heading, List<Row> rows, String verdict, String attached, String link, String open) {}

    record Row(String label, String value) {}

    static List<Row> rows(Summary s, Messages messages, DashboardReport words) {
        return List.of(
                new Row(
                        messages.get("digest.period"),
                        messages.get(
                                        "digest.range",
                                        s.period().from(),
                                        s.period().to()) + " (" + s.period().label() + ")"),
                new Row(messages.get("digest.survey"), s.survey()),
                new Row(messages.get("digest.segment"), s.segment()),
                new Row(s.metric(), words.figure(s.figure().current())),
                new Row(
                        messages.get(
                                "digest.previous",
                                messages.get(
                                        "digest.range",
                                        s.periods().previousFrom(),
                                        s.periods().previousTo())),
                        words.figure(s.figure().previous())),
                new Row(messages.get("digest.alerts"), String.valueOf(s.alerts())),
                new Row(messages.get("digest.overdue"), String.valueOf(s.overdue())));
    }
}
