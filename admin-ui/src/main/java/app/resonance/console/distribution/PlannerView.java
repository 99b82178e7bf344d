package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.SamplePlanner;
import app.resonance.distribution.control.WaveSender;
import app.resonance.distribution.control.WaveStats;
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
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample planner ({@code /admin/manage/planner.xhtml?slug=…}): choose segments, a target margin and a confidence,
 * see per segment the history, response rate, spread, customers to invite and the margin to expect (flagged when it
 * rests on the prior), send the planned wave, and per planned wave of the survey the planned against the achieved.
 */
@Named
@ViewScoped
public class PlannerView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    transient SamplePlanner planner;

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    transient SegmentCatalog segmentCatalog;

    @Inject
    transient WaveStats stats;

    @Inject
    transient MailSettings settings;

    @Inject
    transient SecurityContext security;

    /** A planned wave of the survey and its segments' outcomes. */
    public record PlannedWave(WaveStats.Wave wave, List<SamplePlanner.Outcome> segments) {}

    private String slug;
    private List<String> segments = new ArrayList<>();
    private Double margin = 5.0;
    private int confidence = 95;
    private transient List<SamplePlanner.SegmentPlan> plan;
    private transient List<PlannedWave> planned;

    public void compute() {
        plan = null;
        survey().ifPresent(s -> {
            try {
                plan = planner.preview(s, confidence, targets(), Faces.messages());
            } catch (WaveSender.InvalidWaveException e) {
                Faces.fieldErrors("plan", e.errors());
            }
        });
    }

    @Transactional
    public void send() {
        survey().ifPresent(s -> {
            try {
                var wave = planner.send(
                        s,
                        confidence,
                        targets(),
                        null,
                        security.getCallerPrincipal().getName(),
                        baseUrl(),
                        Faces.messages());
                Faces.info("planner.sent", wave.invited());
                plan = null;
                planned = null;
            } catch (WaveSender.InvalidWaveException e) {
                Faces.fieldErrors("plan", e.errors());
            }
        });
    }

    private List<SamplePlanner.Target> targets() {
        double m = margin == null ? 0 : margin;
        return segments.stream().map(k -> new SamplePlanner.Target(k, m)).toList();
    }

    public List<SamplePlanner.SegmentPlan> getPlan() {
        return plan;
    }

    public int getPlanTotal() {
        return plan == null
                ? 0
                : plan.stream().mapToInt(p -> p.plan().toInvite()).sum();
    }

    public String getSendLabel() {
        return Faces.text("planner.send", String.valueOf(getPlanTotal()));
    }

    /** The survey's planned waves, newest first, with planned against achieved. */
    public List<PlannedWave> getPlanned() {
        if (planned == null) {
            planned = survey().map(s -> stats.of(s).stream()
                            .filter(w -> w.audience().startsWith("plan:"))
                            .map(w -> new PlannedWave(w, planner.outcome(w.id())))
                            .filter(p -> !p.segments().isEmpty())
                            .toList())
                    .orElse(List.of());
        }
        return planned;
    }

    public List<Segment> getSegmentChoices() {
        return segmentCatalog.all();
    }

    public String segmentName(String key) {
        return segmentCatalog
                .byKey(key)
                .map(s -> "de".equals(Faces.locale().getLanguage())
                        ? s.name().de()
                        : s.name().en())
                .orElse(key);
    }

    /** A margin in NPS points, "±4.9", or a dash when there is none. */
    public String points(Double value) {
        if (value == null) {
            return "–";
        }
        NumberFormat one = NumberFormat.getNumberInstance(Faces.locale());
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        return "±" + one.format(value);
    }

    public String number(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Faces.locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    public String time(WaveStats.Wave wave) {
        return TIME.format(wave.createdAt());
    }

    private Optional<Survey> survey() {
        return slug == null ? Optional.empty() : catalog.bySlug(slug);
    }

    private String baseUrl() {
        return settings.publicUrl()
                .orElseGet(() -> DistributionView.baseUrl((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest()));
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public List<String> getSegments() {
        return segments;
    }

    public void setSegments(List<String> segments) {
        this.segments = segments == null ? new ArrayList<>() : new ArrayList<>(segments);
    }

    public Double getMargin() {
        return margin;
    }

    public void setMargin(Double margin) {
        this.margin = margin;
    }

    public int getConfidence() {
        return confidence;
    }

    public void setConfidence(int confidence) {
        this.confidence = confidence;
    }
}
