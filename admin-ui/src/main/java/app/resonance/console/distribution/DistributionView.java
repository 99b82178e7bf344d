package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Waves;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.WaveSender;
import app.resonance.distribution.control.WaveStats;
import app.resonance.responses.control.ContactRules;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * A survey's distribution: public link, QR code and widget snippet, sending an invitation wave to a
 * segment or a selection of customers (with a reminder after N days), and per wave: sent, opened,
 * answered, response rate.
 */
@Named
@ViewScoped
public class DistributionView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    transient SegmentCatalog segments;

    @Inject
    transient WaveSender sender;

    @Inject
    transient WaveStats stats;

    @Inject
    transient MailSettings settings;

    @Inject
    transient ContactRules contactRules;

    @Inject
    transient SecurityContext security;

    private String slug;
    private String segment;
    private String customers;
    private Integer reminderDays;

    /** The address public links start with: configured, or this request's own. */
    static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    public String getBaseUrl() {
        return settings.publicUrl()
                .orElseGet(() -> baseUrl((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest()));
    }

    public String getPublicLink() {
        return getBaseUrl() + "/s/" + slug;
    }

    public String getEmbedSnippet() {
        return "<script src=\"" + getBaseUrl() + "/widget.js\" data-survey=\"" + slug + "\" async></script>";
    }

    public Survey getSurvey() {
        return catalog.bySlug(slug).orElse(null);
    }

    public List<Segment> getSegments() {
        return segments.all();
    }

    public List<WaveStats.Wave> getWaves() {
        Survey survey = getSurvey();
        return survey == null ? List.of() : stats.of(survey);
    }

    public String time(WaveStats.Wave wave) {
        return TIME.format(wave.createdAt());
    }

    public String rate(WaveStats.Wave wave) {
        return Waves.rate(wave);
    }

    /** Whom the wave went to, in the console's language ("2 ausgewählte Kunden"). */
    public String audience(WaveStats.Wave wave) {
        return Waves.audience(wave.audience());
    }

    /** The contact limits in days, for the page's hint: overall, relationship, transactional. */
    public ContactRules.Limits getContactLimits() {
        return contactRules.limits();
    }

    @Transactional
    public void send() {
        Survey survey = catalog.bySlug(slug).orElseThrow();
        List<String> selection = customers == null || customers.isBlank()
                ? List.of()
                : Arrays.stream(customers.split("[\\s,;]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            var wave = sender.send(
                    survey,
                    new WaveSender.Audience(segment, selection),
                    reminderDays,
                    security.getCallerPrincipal().getName(),
                    getBaseUrl(),
                    Faces.messages());
            Faces.info(
                    "distribution.sent",
                    wave.invited(),
                    wave.skippedRecent(),
                    wave.skippedNoEmail(),
                    wave.skippedSuppressed());
            segment = null;
            customers = null;
        } catch (WaveSender.InvalidWaveException e) {
            Faces.fieldErrors("wave", e.errors());
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getCustomers() {
        return customers;
    }

    public void setCustomers(String customers) {
        this.customers = customers;
    }

    public Integer getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(Integer reminderDays) {
        this.reminderDays = reminderDays;
    }
}
