package app.resonance.console.followups;

import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.followups.control.AlertRule;
import app.resonance.followups.control.AlertRuleEditor;
import app.resonance.followups.entity.AlertAction;
import app.resonance.followups.entity.AlertRuleKind;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The alert rules (ADMIN, {@code /admin/manage/alert-rules}): the list with what each looks for, where, what it does,
 * its quiet hours and how often it fired; pausing, resuming, removing a custom rule; one form to add a rule or
 * change the one chosen. The checks are {@link AlertRuleEditor}'s, as in the API.
 */
@Named
@ViewScoped
public class AlertRulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AlertRuleEditor editor;

    @Inject
    transient SurveyCatalog surveyCatalog;

    @Inject
    transient SegmentCatalog segmentCatalog;

    @Inject
    CurrentUser currentUser;

    @Inject
    transient app.resonance.followups.control.Teams teams;

    @Inject
    transient app.resonance.security.control.UserDirectory users;

    private final RoutingForm routing = new RoutingForm();

    private Long editing;
    private String name;
    private String kind = AlertRuleKind.LOW_SCORE.name();
    private String questionType = "CSAT";
    private Integer threshold = 2;
    private Integer renewalDays;
    private String keywords;
    private List<String> surveys = new ArrayList<>();
    private List<String> segments = new ArrayList<>();
    private List<String> channels = new ArrayList<>();
    private String action = AlertAction.BOTH.name();
    private String quietStart;
    private String quietEnd;
    private Integer windowDays = AlertRule.Trend.DEFAULT_WINDOW_DAYS;
    private String significance = String.valueOf(AlertRule.Trend.DEFAULT_SIGNIFICANCE);
    private Integer minResponses = AlertRule.Trend.DEFAULT_MIN_RESPONSES;

    /** Read once per request (the table asks several times); null after a change. */
    private transient List<AlertRuleEditor.Rule> list;

    private transient java.util.Map<Long, app.resonance.followups.control.RuleRouting.Draft> routings;

    public List<AlertRuleEditor.Rule> getRules() {
        if (list == null) {
            list = editor.all();
            routings = editor.routings();
        }
        return list;
    }

    public RoutingForm getRouting() {
        return routing;
    }

    /** The rule's routing entries in one line, and its due time; a dash for none. */
    public String routed(AlertRuleEditor.Rule r) {
        getRules();
        var draft = routings.get(r.id());
        String routes = RoutingForm.summary(draft);
        String due = draft == null || draft.dueHours() == null ? "" : Faces.text("alertRules.dueIn", draft.dueHours());
        String joined = String.join(
                " · ",
                java.util.stream.Stream.of(routes, due)
                        .filter(x -> !x.isEmpty())
                        .toList());
        return joined.isEmpty() ? "–" : joined;
    }

    /** What a routing entry can send tasks to: the teams, then the enabled support leads and admins. */
    public List<String> getTargets() {
        List<String> targets = new ArrayList<>();
        teams.all().forEach(t -> targets.add(RoutingForm.TEAM + t.name()));
        users.all().stream()
                .filter(u -> u.enabled() && u.role() != app.resonance.security.entity.Role.VIEWER)
                .forEach(u -> targets.add(RoutingForm.USER + u.username()));
        return targets;
    }

    /** A target as the menu shows it: "Team: Enterprise DACH", "User: lead". */
    public String targetLabel(String target) {
        return target.startsWith(RoutingForm.TEAM)
                ? Faces.text("alertRules.targetTeam", target.substring(RoutingForm.TEAM.length()))
                : Faces.text("alertRules.targetUser", target.substring(RoutingForm.USER.length()));
    }

    public void save() {
        if (!currentUser.isAdmin()) {
            return;
        }
        var draft = new AlertRuleEditor.Draft(
                name,
                kind,
                questionType,
                threshold,
                renewalDays,
                keywords == null ? null : Arrays.asList(keywords.split(",")),
                surveys.isEmpty() ? null : surveys,
                segments.isEmpty() ? null : segments,
                channels.isEmpty() ? null : channels,
                action,
                quietStart,
                quietEnd,
                null,
                windowDays,
                significance == null ? null : Double.valueOf(significance),
                minResponses);
        var routed = routing.draft();
        var errors = editor.check(draft, routed, Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("edit", errors);
            return;
        }
        if (editing == null) {
            editor.create(draft, routed);
            Faces.info("alertRules.created", name.strip());
        } else {
            editor.update(editing, draft, routed);
            Faces.info("alertRules.saved", name.strip());
        }
        list = null;
        clear();
    }

    public void edit(AlertRuleEditor.Rule r) {
        editing = r.id();
        name = r.name();
        kind = r.kind().name();
        questionType = r.questionType();
        threshold = r.threshold();
        renewalDays = r.renewalDays();
        keywords = String.join(", ", r.keywords());
        surveys = new ArrayList<>(r.surveys());
        segments = new ArrayList<>(r.segments());
        channels = new ArrayList<>(r.channels());
        action = r.action().name();
        quietStart = r.quietStart();
        quietEnd = r.quietEnd();
        windowDays = r.windowDays() == null ? AlertRule.Trend.DEFAULT_WINDOW_DAYS : r.windowDays();
        significance = r.significance() == null
                ? String.valueOf(AlertRule.Trend.DEFAULT_SIGNIFICANCE)
                : level(r.significance());
        minResponses = r.minResponses() == null ? AlertRule.Trend.DEFAULT_MIN_RESPONSES : r.minResponses();
        getRules();
        routing.load(routings.get(r.id()));
    }

    public void clear() {
        editing = null;
        name = null;
        keywords = null;
        renewalDays = null;
        quietStart = null;
        quietEnd = null;
        surveys = new ArrayList<>();
        segments = new ArrayList<>();
        channels = new ArrayList<>();
        windowDays = AlertRule.Trend.DEFAULT_WINDOW_DAYS;
        significance = String.valueOf(AlertRule.Trend.DEFAULT_SIGNIFICANCE);
        minResponses = AlertRule.Trend.DEFAULT_MIN_RESPONSES;
        routing.clear();
    }

    /** A level as the menu offers it ("0.05"). */
    static String level(double significance) {
        return AlertRule.Trend.LEVELS.stream()
                .filter(l -> Double.parseDouble(l) == significance)
                .findFirst()
                .orElse(String.valueOf(significance));
    }

    private Long editParam;

    /** Opens the rule the URL names ({@code ?edit=1}) in the form. */
    public void open() {
        if (editParam != null) {
            getRules().stream().filter(r -> r.id() == editParam).findFirst().ifPresent(this::edit);
        }
    }

    public Long getEditParam() {
        return editParam;
    }

    public void setEditParam(Long editParam) {
        this.editParam = editParam;
    }

    public void toggle(AlertRuleEditor.Rule r) {
        if (currentUser.isAdmin() && editor.pause(r.id(), !r.paused())) {
            list = null;
            Faces.info(r.paused() ? "alertRules.resumed" : "alertRules.paused", r.name());
        }
    }

    public void delete(AlertRuleEditor.Rule r) {
        if (currentUser.isAdmin() && !r.builtIn() && editor.delete(r.id())) {
            list = null;
            Faces.info("alertRules.deleted", r.name());
        }
    }

    /** The seeded English names of the default rules, shown in the console's language while unchanged. */
    private static final java.util.Map<Long, String> DEFAULT_NAMES = java.util.Map.of(
            1L,
            "Detractor",
            2L,
            "Promoter turned detractor",
            3L,
            "Detractor close to renewal",
            4L,
            "Segment falling significantly");

    /** The rule's name; a default rule's seeded name in the console's language. */
    public String name(AlertRuleEditor.Rule r) {
        return r.name().equals(DEFAULT_NAMES.get(r.id())) ? Faces.text("alertRules.default." + r.id()) : r.name();
    }

    /** What the rule looks for, in the console's language. */
    public String what(AlertRuleEditor.Rule r) {
        return switch (r.kind()) {
            case LOW_SCORE -> Faces.text("alertRules.what.LOW_SCORE", r.questionType(), r.threshold());
            case RENEWAL_AT_RISK ->
                r.renewalDays() == null
                        ? Faces.text("alertRules.what.RENEWAL_AT_RISK_DEFAULT")
                        : Faces.text("alertRules.what.RENEWAL_AT_RISK", r.renewalDays());
            case KEYWORD -> Faces.text("alertRules.what.KEYWORD", String.join(", ", r.keywords()));
            case PROMOTER_TO_DETRACTOR -> Faces.text("alertRules.what.PROMOTER_TO_DETRACTOR");
            case SEGMENT_TREND ->
                Faces.text(
                        "alertRules.what.SEGMENT_TREND",
                        r.questionType(),
                        r.windowDays(),
                        level(r.significance()),
                        r.minResponses());
        };
    }

    /** Where: surveys, segments, channels; "all" for none chosen. */
    public String where(AlertRuleEditor.Rule r) {
        List<String> parts = new ArrayList<>();
        parts.addAll(r.surveys());
        parts.addAll(r.segments());
        r.channels().forEach(c -> parts.add(Faces.text("channel." + c)));
        return parts.isEmpty() ? Faces.text("common.all") : String.join(", ", parts);
    }

    public String quiet(AlertRuleEditor.Rule r) {
        return r.quietStart() == null ? "–" : r.quietStart() + "–" + r.quietEnd() + " UTC";
    }

    public List<String> getKinds() {
        return Arrays.stream(AlertRuleKind.values()).map(Enum::name).toList();
    }

    public List<String> getQuestionTypes() {
        return AlertRule.SCORE_TYPES;
    }

    public List<String> getLevels() {
        return AlertRule.Trend.LEVELS;
    }

    public List<String> getActions() {
        return Arrays.stream(AlertAction.values()).map(Enum::name).toList();
    }

    public List<String> getChannelNames() {
        return Arrays.stream(Channel.values()).map(Enum::name).toList();
    }

    public List<String> getSurveySlugs() {
        return surveyCatalog.all().stream().map(s -> s.slug()).sorted().toList();
    }

    public List<String> getSegmentKeys() {
        return segmentCatalog.all().stream().map(s -> s.key()).sorted().toList();
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getQuestionType() {
        return questionType;
    }

    public void setQuestionType(String questionType) {
        this.questionType = questionType;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    public Integer getRenewalDays() {
        return renewalDays;
    }

    public void setRenewalDays(Integer renewalDays) {
        this.renewalDays = renewalDays;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public List<String> getSurveys() {
        return surveys;
    }

    public void setSurveys(List<String> surveys) {
        this.surveys = surveys;
    }

    public List<String> getSegments() {
        return segments;
    }

    public void setSegments(List<String> segments) {
        this.segments = segments;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getQuietStart() {
        return quietStart;
    }

    public void setQuietStart(String quietStart) {
        this.quietStart = quietStart;
    }

    public String getQuietEnd() {
        return quietEnd;
    }

    public void setQuietEnd(String quietEnd) {
        this.quietEnd = quietEnd;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(Integer windowDays) {
        this.windowDays = windowDays;
    }

    public String getSignificance() {
        return significance;
    }

    public void setSignificance(String significance) {
        this.significance = significance;
    }

    public Integer getMinResponses() {
        return minResponses;
    }

    public void setMinResponses(Integer minResponses) {
        this.minResponses = minResponses;
    }
}
