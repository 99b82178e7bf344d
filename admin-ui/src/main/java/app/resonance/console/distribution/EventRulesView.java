package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.distribution.control.EventRules;
import app.resonance.distribution.entity.EventRule;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The event rules (ADMIN, {@code /admin/manage/}): which event type a CRM posts invites to which survey, after what
 * delay, for what share and in which sending window, with what each rule has done; an admin adds and deletes rules
 * (audited by {@link EventRules}).
 */
@Named
@ViewScoped
public class EventRulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EventRules rules;

    @Inject
    transient SurveyCatalog catalog;

    /** A rule, its survey and its figures, as the table shows it. */
    public record Row(
            long id,
            String eventType,
            String survey,
            int delayMinutes,
            int samplePercent,
            String window,
            boolean enabled,
            EventRules.Figures figures)
            implements Serializable {}

    private List<Row> rows;
    private List<String> surveys;
    private String eventType;
    private String survey;
    private Integer delayMinutes = 120;
    private Integer samplePercent = 100;
    private Integer sendFrom = 8;
    private Integer sendUntil = 20;
    private String zone = "Europe/Berlin";

    @PostConstruct
    void load() {
        Map<Long, EventRules.Figures> figures = rules.figures();
        rows = rules.all().stream().map(r -> row(r, figures)).toList();
        surveys = catalog.all().stream().map(Survey::slug).sorted().toList();
    }

    private static Row row(EventRule r, Map<Long, EventRules.Figures> figures) {
        return new Row(
                r.id(),
                r.eventType(),
                r.survey().slug(),
                r.delayMinutes(),
                r.samplePercent(),
                "%02d:00–%02d:00 %s".formatted(r.sendFrom(), r.sendUntil(), r.zone()),
                r.enabled(),
                figures.getOrDefault(r.id(), new EventRules.Figures(0, 0, 0, 0)));
    }

    public void add() {
        try {
            rules.create(
                    new EventRules.Definition(
                            eventType, survey, delayMinutes, samplePercent, sendFrom, sendUntil, zone, true),
                    Faces.messages());
            Faces.info("eventRules.added", eventType);
            eventType = null;
            load();
        } catch (EventRules.InvalidEventException e) {
            Faces.fieldErrors("rule", e.errors());
        }
    }

    public void delete(long id) {
        if (rules.delete(id)) {
            Faces.info("eventRules.deleted");
        }
        load();
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getSurveys() {
        return surveys;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public Integer getDelayMinutes() {
        return delayMinutes;
    }

    public void setDelayMinutes(Integer delayMinutes) {
        this.delayMinutes = delayMinutes;
    }

    public Integer getSamplePercent() {
        return samplePercent;
    }

    public void setSamplePercent(Integer samplePercent) {
        this.samplePercent = samplePercent;
    }

    public Integer getSendFrom() {
        return sendFrom;
    }

    public void setSendFrom(Integer sendFrom) {
        this.sendFrom = sendFrom;
    }

    public Integer getSendUntil() {
        return sendUntil;
    }

    public void setSendUntil(Integer sendUntil) {
        this.sendUntil = sendUntil;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
