package app.resonance.console.responses;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.BrowseQuery;
import app.resonance.analytics.control.ResponseBrowser;
import app.resonance.analytics.control.ScoreBands;
import app.resonance.analytics.control.Topic;
import app.resonance.analytics.control.Topics;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response browser page: a survey's responses newest first, filtered as the API filters them (the same
 * {@link BrowseQuery}, read from the URL's parameters) and paged by the API's cursor ({@link KeysetModel}).
 */
@Named
@ViewScoped
public class ResponsesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AnalyticsQueries queries;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient ResponseBrowser browser;

    @Inject
    transient Topics topicStore;

    @Inject
    transient SurveyCatalog surveys;

    @Inject
    transient SegmentCatalog segments;

    @Inject
    transient CustomerDirectory customers;

    private String survey;
    private String version;
    private String segment;
    private String from;
    private String to;
    private String band;
    private String topic;
    private transient Map<String, String> topicNames;
    private String q;
    private String customer;
    private boolean valid;
    private final KeysetModel model = new KeysetModel(this::page);

    /** Picks the default survey when none is named and checks the filters (bad ones are named on the page). */
    public void load() {
        Survey chosen = (survey == null ? java.util.Optional.<Survey>empty() : surveys.bySlug(survey))
                .or(() -> queries.defaultSurvey().flatMap(surveys::bySlug))
                .orElse(null);
        if (chosen == null) {
            return;
        }
        survey = chosen.slug();
        var read = read();
        valid = read.valid();
        read.complaints()
                .forEach(c -> Faces.error(
                        "responses.invalid",
                        Faces.messages()
                                .error(c.field(), c.code(), c.arguments().toArray())
                                .message()));
    }

    private BrowseQuery.Result read() {
        return BrowseQuery.read(
                queries.readFilters(
                        new AnalyticsQuery.Input(survey, null, null, segment, null, null, from, to, null, null, null),
                        BrowseQuery.DEFAULT_DAYS),
                new BrowseQuery.Input(version, band, topic, q, customer, null, null),
                id -> customers.byExternalId(id).map(Customer::id),
                topicStore::defined);
    }

    private ResponseBrowser.Page page(ResponseBrowser.Cursor after, int size) {
        var read = read();
        return read.valid()
                ? browser.page(read.browse().filter(), settings.zone(), after, size)
                : new ResponseBrowser.Page(List.of(), null);
    }

    public String apply() {
        return "/admin/responses?faces-redirect=true&includeViewParams=true";
    }

    public List<String> getSurveys() {
        return surveys.all().stream().map(Survey::slug).toList();
    }

    private Survey chosen() {
        return survey == null ? null : surveys.bySlug(survey).orElse(null);
    }

    /** The chosen survey's version numbers. */
    public List<Integer> getVersions() {
        Survey s = chosen();
        return s == null
                ? List.of()
                : s.versions().stream().map(SurveyVersion::number).sorted().toList();
    }

    /** The bands of the survey's metric question, name ("Detractors (0-6)") to key. */
    public Map<String, String> getBands() {
        Map<String, String> bands = new LinkedHashMap<>();
        Survey s = chosen();
        if (s != null) {
            BrowseQuery.scoreQuestion(s).ifPresent(question -> ScoreBands.of(question)
                    .labels(Faces.messages())
                    .forEach(l -> bands.put(l.label(), l.key())));
        }
        return bands;
    }

    /** The enabled topics' names in the console's language to their keys. */
    public Map<String, String> getTopics() {
        Map<String, String> named = new LinkedHashMap<>();
        getTopicNames().forEach((key, name) -> named.put(name, key));
        return named;
    }

    /** The enabled topics' keys to their names in the console's language, read once per view. */
    public Map<String, String> getTopicNames() {
        if (topicNames == null) {
            topicNames = new LinkedHashMap<>();
            for (Topic t : topicStore.all()) {
                if (t.enabled()) {
                    topicNames.put(t.key(), t.name(Faces.locale()));
                }
            }
        }
        return topicNames;
    }

    /** Segment names in the console's language to keys. */
    public Map<String, String> getSegments() {
        Map<String, String> named = new LinkedHashMap<>();
        segments.visible().forEach(s -> named.put(s.name().in(Faces.locale()), s.key()));
        return named;
    }

    public boolean isValid() {
        return valid;
    }

    public KeysetModel getModel() {
        return model;
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBand() {
        return band;
    }

    public void setBand(String band) {
        this.band = band;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }
}
