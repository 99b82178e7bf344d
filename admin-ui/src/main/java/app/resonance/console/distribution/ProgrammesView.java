package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.EventRules;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.Programmes;
import app.resonance.distribution.entity.Programme;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The recurring programmes (ADMIN, {@code /admin/manage/}): each programme's schedule (cadence, window, next cycle),
 * its next sends and its history per cycle (planned, sent, skipped by reason, answered); an admin adds programmes and
 * pauses, resumes or ends them (audited by {@link Programmes}).
 */
@Named
@ViewScoped
public class ProgrammesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    transient Programmes programmes;

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    transient SegmentCatalog segments;

    @Inject
    transient MailSettings settings;

    @Inject
    transient SecurityContext security;

    /** A programme, its schedule, next sends and cycles, as the page shows it. */
    public record Row(
            long id,
            String name,
            String survey,
            String segment,
            int cadenceDays,
            int windowDays,
            String status,
            String nextCycle,
            long members,
            List<Programmes.NextSend> nextSends,
            boolean preview,
            List<Programmes.Cycle> cycles)
            implements Serializable {}

    private List<Row> rows;
    private List<String> surveys;
    private List<Segment> segmentList;
    private String name;
    private String survey;
    private String segment;
    private Integer cadenceDays = 90;
    private Integer windowDays = 14;
    private String startDate;

    @PostConstruct
    void load() {
        rows = programmes.all().stream().map(this::row).toList();
        surveys = catalog.all().stream().map(Survey::slug).sorted().toList();
        segmentList = segments.all();
        if (startDate == null) {
            startDate = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        }
    }

    private Row row(Programme p) {
        List<Programmes.NextSend> next = programmes.nextSends(p, 5);
        boolean preview = next.isEmpty() && p.status() != Programme.Status.ENDED;
        return new Row(
                p.id(),
                p.name(),
                p.survey().slug(),
                p.segmentKey(),
                p.cadenceDays(),
                p.windowDays(),
                p.status().name(),
                programmes.nextCycleStart(p).map(DAY::format).orElse("–"),
                p.status() == Programme.Status.ENDED ? 0 : programmes.members(p),
                preview ? programmes.preview(p, 5) : next,
                preview,
                programmes.history(p));
    }

    public String time(Instant at) {
        return TIME.format(at);
    }

    public String day(Instant at) {
        return DAY.format(at);
    }

    /** The skips of a cycle by reason, in the console's language ("2 kürzlich befragt, 1 ohne Adresse"). */
    public String skips(Programmes.Cycle cycle) {
        return cycle.skippedBy().entrySet().stream()
                .map(e -> e.getValue() + " " + Faces.textOr("programmes.reason." + e.getKey(), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    public void add() {
        try {
            programmes.create(
                    new Programmes.Definition(name, survey, segment, cadenceDays, windowDays, startDate),
                    baseUrl(),
                    security.getCallerPrincipal().getName(),
                    Faces.messages());
            Faces.info("programmes.added", name);
            name = null;
            load();
        } catch (EventRules.InvalidEventException e) {
            Faces.fieldErrors("programme", e.errors());
        }
    }

    public void pause(long id) {
        change(programmes::pause, id, "programmes.paused");
    }

    public void resume(long id) {
        change(programmes::resume, id, "programmes.resumed");
    }

    public void end(long id) {
        change(programmes::end, id, "programmes.ended");
    }

    private void change(LongFunction<Optional<Programme>> action, long id, String done) {
        try {
            action.apply(id).ifPresent(p -> Faces.info(done, p.name()));
        } catch (Programmes.StateException e) {
            Faces.error("programmes.notNow");
        }
        load();
    }

    private String baseUrl() {
        return settings.publicUrl()
                .orElseGet(() -> DistributionView.baseUrl((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest()));
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getSurveys() {
        return surveys;
    }

    public List<Segment> getSegments() {
        return segmentList;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public Integer getCadenceDays() {
        return cadenceDays;
    }

    public void setCadenceDays(Integer cadenceDays) {
        this.cadenceDays = cadenceDays;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(Integer windowDays) {
        this.windowDays = windowDays;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }
}
