package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Figures;
import app.resonance.followups.control.ClosedLoopEffectiveness;
import app.resonance.followups.control.ClosedLoopEffectiveness.Group;
import app.resonance.followups.control.RecoveryStatistics.Comparison;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The closed-loop effectiveness page ({@code /admin/effectiveness}): did the closed follow-up tasks of a period win
 * detractors back, by assignee, team, rule and closing status, against the detractors without a follow-up. The
 * figures are {@link ClosedLoopEffectiveness}' (the API's); from and to are in the URL.
 */
@Named
@ViewScoped
public class EffectivenessView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ClosedLoopEffectiveness effectiveness;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient Clock clock;

    @Inject
    transient TrendMarkers markers;

    @Inject
    transient AnalyticsQueries queries;

    @Inject
    transient TrendAnalysis analysis;

    private String from;
    private String to;
    private transient ClosedLoopEffectiveness.Report report;
    private transient List<ImpactLedger.Entry> ledger;

    /** One row of a table: the group's name and its figures as the page shows them. */
    public record Row(String label, long pairs, long detractors, String recovery, String change) {}

    /** One table: its heading and rows. */
    public record Section(String id, String heading, List<Row> rows) {}

    public void load() {
        ZoneId zone = settings.zone();
        var period = ClosedLoopEffectiveness.period(from, to, LocalDate.now(clock.withZone(zone)));
        if (!period.valid()) {
            period.complaints()
                    .forEach((field, code) -> Faces.error(
                            "effectiveness.invalid",
                            Faces.messages().error(field, code).message()));
            return;
        }
        from = period.from().toString();
        to = period.to().toString();
        report = effectiveness.report(
                period.from().atStartOfDay(zone).toInstant(),
                period.to().plusDays(1).atStartOfDay(zone).toInstant(),
                settings.rules(false));
    }

    public String apply() {
        return "/admin/effectiveness?faces-redirect=true&includeViewParams=true";
    }

    /** Every action marked on a trend with its measured before/after effect, newest first. */
    public List<ImpactLedger.Entry> getLedger() {
        if (ledger == null) {
            ledger = ImpactLedger.of(markers.all(), queries, analysis);
        }
        return ledger;
    }

    public ClosedLoopEffectiveness.Report getReport() {
        return report;
    }

    /** The comparison: the followed-up detractors and those without a follow-up. */
    public List<Row> getComparisonRows() {
        return List.of(
                row(report.followedUp(), Faces.text("effectiveness.followedUp")),
                row(report.notFollowedUp(), Faces.text("effectiveness.notFollowedUp")));
    }

    /** The verdict of the z test in words, with the difference and the p value. */
    public String getVerdict() {
        Comparison test = report.comparison();
        if (!test.testable()) {
            return Faces.text("effectiveness.notTestable", report.minimumResponses());
        }
        if (test.pValue() == null) {
            return Faces.text("effectiveness.noSpread");
        }
        String difference = Faces.text("effectiveness.points", signed(test.difference() * 100, 0));
        String p = Figures.p(test.pValue(), Faces.locale());
        return Faces.text(
                test.significant() ? "effectiveness.significant" : "effectiveness.notSignificant", difference, p);
    }

    public boolean isSignificant() {
        return report.comparison().significant();
    }

    /** The tables per grouping. */
    public List<Section> getSections() {
        List<Section> sections = new ArrayList<>();
        sections.add(section("assignee", report.byAssignee(), key -> key));
        sections.add(section("team", report.byTeam(), key -> key));
        sections.add(section("rule", report.byRule(), key -> key));
        sections.add(section("action", report.byAction(), key -> Faces.text("followupStatus." + key)));
        return sections;
    }

    private Section section(String id, List<Group> groups, Function<String, String> label) {
        return new Section(
                id,
                Faces.text("effectiveness.by." + id),
                groups.stream()
                        .map(g -> row(g, g.key() == null ? Faces.text("effectiveness.none") : label.apply(g.key())))
                        .toList());
    }

    private Row row(Group g, String label) {
        var rate = g.recovery();
        String recovery = rate.shown()
                ? Faces.text(
                        "effectiveness.rate",
                        Math.round(rate.value() * 100),
                        Math.round(rate.low() * 100),
                        Math.round(rate.high() * 100),
                        rate.recovered())
                : Faces.text("dashboard.notEnoughShort");
        var change = g.change();
        String mean = change.shown()
                ? Faces.text(
                        "effectiveness.change",
                        signed(change.value(), 1),
                        signed(change.low(), 1),
                        signed(change.high(), 1))
                : Faces.text("dashboard.notEnoughShort");
        return new Row(label, g.pairs(), rate.detractors(), recovery, mean);
    }

    /** A number with its sign and the given decimals in the console's language: "+3.5", "−0.4". */
    static String signed(double value, int decimals) {
        String text = String.format(Faces.locale(), "%." + decimals + "f", Math.abs(value));
        boolean zero = Math.round(Math.abs(value) * Math.pow(10, decimals)) == 0;
        return zero ? text : (value > 0 ? "+" : "\u2212") + text;
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
}
