package app.resonance.analytics.control;

import app.resonance.analytics.entity.SavedView;
import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Saved dashboard views: checked with the analytics query's own rules ({@link AnalyticsQueries}: the same
 * survey, segment, metric, channel, language, granularity and range checks as the trend API and the
 * dashboard), stored, listed, changed and removed; every change is audited. A view is read back into the
 * one {@link AnalyticsQuery.Input}, its relative period resolved against today.
 */
@ApplicationScoped
public class SavedViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @Inject
    app.resonance.platform.control.DataScopes scopes;

    private void requireSegment(String segmentKey, String field) {
        if (scopes != null) {
            scopes.current().requireSegment(segmentKey, field);
        }
    }

    /** A view as typed: the filters as the trend API takes them, and a relative period or fixed dates. */
    public record Draft(
            String name,
            String survey,
            String metric,
            String question,
            String segment,
            String channel,
            String locale,
            String granularity,
            String period,
            String from,
            String to) {

        public Draft {
            survey = blankToNull(survey);
            metric = blankToNull(metric);
            question = blankToNull(question);
            segment = blankToNull(segment);
            channel = blankToNull(channel);
            locale = blankToNull(locale);
            granularity = blankToNull(granularity);
            period = blankToNull(period);
            from = blankToNull(from);
            to = blankToNull(to);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /**
     * The input of the analytics query a draft stands for on {@code today}: a relative period becomes its days
     * up to today, fixed dates stay as typed.
     */
    public static AnalyticsQuery.Input input(Draft draft, LocalDate today) {
        String from = draft.from();
        String to = draft.to();
        Optional<RelativePeriod> relative = relative(draft.period());
        if (relative.isPresent()) {
            from = relative.get().from(today).toString();
            to = today.toString();
        }
        return new AnalyticsQuery.Input(
                draft.survey(),
                draft.metric(),
                draft.question(),
                draft.segment(),
                draft.channel(),
                draft.locale(),
                from,
                to,
                draft.granularity(),
                null,
                null);
    }

    /** The stored view as a draft (dates as YYYY-MM-DD). */
    public static Draft draft(SavedView view) {
        return new Draft(
                view.name(),
                view.survey(),
                view.metric(),
                view.question(),
                view.segment(),
                view.channel(),
                view.locale(),
                view.granularity(),
                view.period(),
                view.from() == null ? null : view.from().toString(),
                view.to() == null ? null : view.to().toString());
    }

    static Optional<RelativePeriod> relative(String period) {
        if (period == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RelativePeriod.valueOf(period.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The rules of a saved view beyond the trend's filters: a name of at most 100 characters, and either a
     * relative period or both dates (not both kinds).
     */
    public static List<FieldError> checkOwn(Draft draft, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("name", draft.name(), true, SavedView.NAME_MAX, errors);
        if (draft.period() != null) {
            if (relative(draft.period()).isEmpty()) {
                errors.add(messages.error("period", "oneOf", AnalyticsQuery.names(RelativePeriod.class)));
            } else if (draft.from() != null || draft.to() != null) {
                errors.add(messages.error("period", "periodOrDates"));
            }
        } else {
            if (draft.from() == null) {
                errors.add(messages.error("from", "required"));
            }
            if (draft.to() == null) {
                errors.add(messages.error("to", "required"));
            }
        }
        return errors;
    }

    /** Every error of a draft, each field once: its own rules, then the analytics query's. */
    public List<FieldError> check(Draft draft, Messages messages) {
        List<FieldError> errors = checkOwn(draft, messages);
        for (AnalyticsQuery.Complaint c : read(draft).complaints()) {
            if (errors.stream().noneMatch(e -> e.field().equals(c.field()))) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        return errors;
    }

    /** The analytics query of a draft today (with its complaints, if any). */
    public AnalyticsQuery.Result read(Draft draft) {
        return queries.read(input(draft, queries.today()), AnalyticsQuery.TREND_DAYS);
    }

    /** The analytics query of a stored view today. */
    public AnalyticsQuery.Result read(SavedView view) {
        return read(draft(view));
    }

    /** The input of a stored view today: what the dashboard's URL or the trend API's parameters would say. */
    public AnalyticsQuery.Input input(SavedView view) {
        return input(draft(view), queries.today());
    }

    @Transactional
    public List<SavedView> all() {
        return em.createNamedQuery(SavedView.ALL, SavedView.class).getResultList();
    }

    @Transactional
    /** The view of an id as a path names it; empty for an unknown id or one that is not a number. */
    public Optional<SavedView> byId(String id) {
        try {
            return byId(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<SavedView> byId(long id) {
        return Optional.ofNullable(em.find(SavedView.class, id));
    }

    /** Stores a checked draft ({@link #check} found nothing) for its owner. */
    @Transactional
    public SavedView create(Draft draft, String owner) {
        // a limited user's view names one of their segments: it may be shared and sent to others
        requireSegment(draft.segment(), "segment");
        SavedView view = new SavedView(owner, clock.instant());
        apply(view, draft);
        em.persist(view);
        em.flush();
        audit.record(AuditArea.SAVED_VIEW, view.name(), "created", AuditDetail.of("savedView", description(view)));
        return view;
    }

    @Transactional
    public Optional<SavedView> update(long id, Draft draft) {
        requireSegment(draft.segment(), "segment");
        SavedView view = em.find(SavedView.class, id);
        if (view == null) {
            return Optional.empty();
        }
        apply(view, draft);
        audit.record(AuditArea.SAVED_VIEW, view.name(), "changed", AuditDetail.of("savedView", description(view)));
        return Optional.of(view);
    }

    /** Removes a view; the database removes its share links with it (they stop working at once). */
    @Transactional
    public boolean delete(long id) {
        SavedView view = em.find(SavedView.class, id);
        if (view == null) {
            return false;
        }
        em.remove(view);
        audit.record(AuditArea.SAVED_VIEW, view.name(), "removed");
        return true;
    }

    private void apply(SavedView view, Draft draft) {
        view.change(
                draft.name().strip(),
                draft.survey(),
                upper(draft.metric()),
                draft.question(),
                draft.segment(),
                upper(draft.channel()),
                draft.locale(),
                upper(draft.granularity()),
                upper(draft.period()),
                draft.period() == null ? LocalDate.parse(draft.from()) : null,
                draft.period() == null ? LocalDate.parse(draft.to()) : null,
                clock.instant());
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** The filters in one line for the audit: "survey=relationship-nps segment=business period=LAST_12_MONTHS". */
    static String description(SavedView view) {
        StringBuilder out = new StringBuilder();
        append(out, "survey", view.survey());
        append(out, "metric", view.metric());
        append(out, "question", view.question());
        append(out, "segment", view.segment());
        append(out, "channel", view.channel());
        append(out, "locale", view.locale());
        append(out, "granularity", view.granularity());
        append(out, "period", view.period());
        append(out, "from", view.from());
        append(out, "to", view.to());
        return out.toString();
    }

    private static void append(StringBuilder out, String key, Object value) {
        if (value != null) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(key).append('=').append(value);
        }
    }
}
