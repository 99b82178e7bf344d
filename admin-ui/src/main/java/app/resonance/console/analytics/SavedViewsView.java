package app.resonance.console.analytics;

import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.entity.SavedView;
import app.resonance.console.platform.Faces;
import app.resonance.digests.control.DigestSchedule;
import app.resonance.digests.control.Digests;
import app.resonance.digests.entity.Cadence;
import app.resonance.digests.entity.Digest;
import app.resonance.distribution.control.MailSettings;
import app.resonance.platform.control.FieldError;
import app.resonance.security.entity.Role;
import app.resonance.sharing.control.ShareLinks;
import app.resonance.sharing.entity.ShareLink;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.format.TextStyle;
import java.util.List;

/**
 * Saved dashboard views and their share links: every role sees the views (opening one opens the dashboard with its
 * filters) and a view's links with expiry, last use and uses; support leads and admins make a link (its address is
 * shown once) and revoke one; a view is removed by whoever saved it or an admin. A view's digests are listed with
 * their schedule, recipients, next send and last period sent; support leads and admins make, change and remove them
 * in a form ({@link DigestForm}) checked as the admin API checks them.
 */
@Named
@ViewScoped
public class SavedViewsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SavedViews views;

    @Inject
    transient ShareLinks links;

    @Inject
    transient MailSettings settings;

    @Inject
    transient Digests digests;

    @Inject
    transient SecurityContext security;

    @Inject
    transient app.resonance.security.control.UserDirectory users;

    private final DigestForm digestForm = new DigestForm();

    @Inject
    transient Clock clock;

    private Long view;
    private Integer days = 30;
    private boolean includeComments;
    /** The address of the link just made, shown once. */
    private String madeUrl;

    private transient List<SavedView> all;
    private transient SavedView selected;
    private transient List<ShareLink> shown;
    private transient List<Digest> digestsShown;

    /** Each shown digest's newest period sent, read once per request of the page (the table asks twice a row). */
    private transient java.util.Map<Long, java.util.Optional<String>> lastSentShown;

    public List<SavedView> getViews() {
        if (all == null) {
            all = views.all();
        }
        return all;
    }

    /** The view whose links are shown (?view=), or null. */
    public SavedView getSelected() {
        if (selected == null && view != null) {
            selected = views.byId(view).orElse(null);
        }
        return selected;
    }

    public List<ShareLink> getLinks() {
        if (shown == null) {
            shown = getSelected() == null ? List.of() : links.of(getSelected().id());
        }
        return shown;
    }

    public DigestForm getDigestForm() {
        if (!digestForm.isEditing() && digestForm.getLanguage() == null) {
            digestForm.setLanguage(Faces.locale().getLanguage().equals("de") ? "de" : "en");
        }
        return digestForm;
    }

    /** The users a digest can go to: enabled, with an e-mail address. */
    public List<String> getDigestUsers() {
        return users.all().stream()
                .filter(u -> u.enabled() && u.email().isPresent())
                .map(u -> u.username())
                .toList();
    }

    public List<String> getWeekdays() {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(Enum::name)
                .toList();
    }

    /** A weekday in the console's language. */
    public String weekdayName(String weekday) {
        return java.time.DayOfWeek.valueOf(weekday).getDisplayName(TextStyle.FULL, Faces.locale());
    }

    public List<Integer> getHours() {
        return java.util.stream.IntStream.range(0, 24).boxed().toList();
    }

    public String hourLabel(int hour) {
        return String.format("%02d:00", hour);
    }

    public String languageName(String code) {
        return Faces.languageName(code);
    }

    public List<String> getDigestLanguages() {
        return Digests.LANGUAGES;
    }

    /** Makes the digest of the form, or saves the one being changed; errors next to their fields. */
    public void saveDigest() {
        SavedView selected = getSelected();
        if (selected == null || !isMayShare()) {
            Faces.error("views.notAllowed");
            return;
        }
        Digests.Result result = digests.check(digestForm.draft(), Faces.messages());
        if (!result.errors().isEmpty()) {
            Faces.fieldErrors("digest", digestForm.onFields(result.errors()));
            return;
        }
        if (digestForm.isEditing()) {
            boolean ours = digests.byId(digestForm.getEditing())
                    .filter(d -> d.view().id().equals(selected.id()))
                    .isPresent();
            if (!ours
                    || digests.update(digestForm.getEditing(), result.checked()).isEmpty()) {
                Faces.error("views.digestGone");
                return;
            }
            Faces.info("views.digestSaved");
        } else {
            digests.create(
                    selected, result.checked(), security.getCallerPrincipal().getName());
            Faces.info("views.digestMade");
        }
        digestsShown = null;
        clearDigest();
    }

    public void editDigest(Digest d) {
        if (isMayShare()) {
            digestForm.load(d);
        }
    }

    public void deleteDigest(Digest d) {
        if (!isMayShare()
                || getSelected() == null
                || !d.view().id().equals(getSelected().id())) {
            Faces.error("views.notAllowed");
            return;
        }
        if (digests.delete(d.id())) {
            Faces.info("views.digestRemoved");
        }
        if (d.id().equals(digestForm.getEditing())) {
            clearDigest();
        }
        digestsShown = null;
    }

    public void clearDigest() {
        digestForm.clear(Faces.locale().getLanguage().equals("de") ? "de" : "en");
    }

    /** The selected view's digests. */
    public List<Digest> getDigests() {
        if (digestsShown == null) {
            digestsShown = getSelected() == null
                    ? List.of()
                    : digests.ofView(getSelected().id());
        }
        return digestsShown;
    }

    /** "Weekly, Monday 08:00 (Europe/Berlin)" or "Monthly, day 1, 08:00 (Europe/Berlin)". */
    public String schedule(Digest d) {
        String hour = String.format("%02d:00", d.hour());
        return d.cadence() == Cadence.WEEKLY
                ? Faces.text(
                        "views.digestWeekly",
                        d.weekday().getDisplayName(TextStyle.FULL, Faces.locale()),
                        hour,
                        d.zone())
                : Faces.text("views.digestMonthly", d.monthDay(), hour, d.zone());
    }

    /** The recipients in one line: usernames, and addresses with their language. */
    public String recipients(Digest d) {
        return d.recipients().stream()
                .map(r ->
                        r.username() != null ? r.username() : r.email() + " (" + Faces.languageName(r.language()) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** When the schedule sends next, or null when paused. */
    public java.time.Instant nextSend(Digest d) {
        if (d.paused()) {
            return null;
        }
        DigestSchedule schedule = Digests.schedule(d);
        return schedule.sendTime(schedule.next(clock.instant()));
    }

    /** The newest period sent on the schedule ("2026-W49"), or null. */
    public String lastSent(Digest d) {
        if (lastSentShown == null) {
            lastSentShown = new java.util.HashMap<>();
        }
        return lastSentShown
                .computeIfAbsent(d.id(), id -> digests.lastSent(id)
                        .map(s -> new DigestSchedule.Period(s.periodStart(), s.periodEnd()).label()))
                .orElse(null);
    }

    public String status(ShareLink link) {
        return link.status(clock.instant()).name();
    }

    public boolean active(ShareLink link) {
        return link.status(clock.instant()) == ShareLink.Status.ACTIVE;
    }

    /** Support leads and admins make and revoke links. */
    public boolean isMayShare() {
        return security.isCallerInRole(Role.ADMIN.name()) || security.isCallerInRole(Role.SUPPORT_LEAD.name());
    }

    /** Whoever saved a view, or an admin, may remove it. */
    public boolean mayRemove(SavedView v) {
        return security.isCallerInRole(Role.ADMIN.name())
                || (isMayShare()
                        && v.owner().equals(security.getCallerPrincipal().getName()));
    }

    /** The dashboard with the view's filters (a relative period resolved today). */
    public String href(SavedView v) {
        return Faces.contextPath() + "/admin/dashboard.xhtml?" + views.input(v).queryString(false);
    }

    /** The period in words: "last 12 months" or "2026-07-01 – 2026-09-30". */
    public String period(SavedView v) {
        return v.period() == null ? v.from() + " – " + v.to() : Faces.text("views.period." + v.period());
    }

    /** The filters in one line: survey, segment, channel, language, periods. */
    public String filters(SavedView v) {
        StringBuilder out =
                new StringBuilder(v.survey() == null ? Faces.text("views.allSurveys", v.metric()) : v.survey());
        out.append(" · ").append(v.segment() == null ? Faces.text("dashboard.allResponses") : v.segment());
        if (v.channel() != null) {
            out.append(" · ").append(Faces.text("channel." + v.channel()));
        }
        if (v.locale() != null) {
            out.append(" · ").append(Faces.languageName(v.locale()));
        }
        String granularity = v.granularity() == null ? "MONTH" : v.granularity();
        return out.append(" · ")
                .append(Faces.text("granularity." + granularity))
                .toString();
    }

    public void share() {
        SavedView selected = getSelected();
        if (selected == null || !isMayShare()) {
            Faces.error("views.notAllowed");
            return;
        }
        List<FieldError> errors = ShareLinks.check(days, Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("share", errors);
            return;
        }
        var created = links.create(
                selected, days, includeComments, security.getCallerPrincipal().getName());
        madeUrl = base() + "/share/" + created.token();
        shown = null;
        Faces.info("views.linkMade", selected.name());
    }

    public void revoke(ShareLink link) {
        if (!isMayShare()) {
            Faces.error("views.notAllowed");
            return;
        }
        links.revoke(link.id()).ifPresent(l -> Faces.info("views.linkRevoked"));
        madeUrl = null;
        shown = null;
    }

    public String remove(SavedView v) {
        if (!mayRemove(v)) {
            Faces.error("views.notAllowed");
            return null;
        }
        views.delete(v.id());
        Faces.info("views.removed", v.name());
        return "/admin/views?faces-redirect=true";
    }

    private String base() {
        return settings.publicUrl().orElseGet(() -> {
            HttpServletRequest request = (HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest();
            String url = request.getRequestURL().toString();
            return url.substring(0, url.indexOf(request.getRequestURI())) + request.getContextPath();
        });
    }

    public int getMinDays() {
        return ShareLinks.MIN_DAYS;
    }

    public int getMaxDays() {
        return ShareLinks.MAX_DAYS;
    }

    public Long getView() {
        return view;
    }

    public void setView(Long view) {
        this.view = view;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public boolean isIncludeComments() {
        return includeComments;
    }

    public void setIncludeComments(boolean includeComments) {
        this.includeComments = includeComments;
    }

    public String getMadeUrl() {
        return madeUrl;
    }
}
