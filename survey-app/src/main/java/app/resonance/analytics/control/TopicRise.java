package app.resonance.analytics.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which topics' share of a survey's comments rose significantly from one window to the next. Per enabled topic:
 * the share of the window's comments that name it, against the share in the window before, by the pooled
 * two-proportion z test; the p-values of all topics tested together are adjusted by Holm's step-down method (seven
 * or more topics tested every day would otherwise raise a false alarm every few weeks). A topic rose when its
 * adjusted p is below 0.05 and its share went up. Neither window is tested below the reporting minimum of
 * comments (the same minimum n as the scores), and a topic named in no comment of either window is not tested.
 */
public final class TopicRise {

    private TopicRise() {}

    /**
     * One topic's comparison.
     *
     * @param topicKey the topic's key
     * @param mentions comments naming the topic in the window
     * @param comments all comments in the window
     * @param previousMentions comments naming the topic in the window before
     * @param previousComments all comments in the window before
     * @param z the pooled two-proportion z statistic (window minus window before)
     * @param pValue two-sided
     * @param adjustedP Holm-adjusted over all topics tested
     */
    public record Comparison(
            String topicKey,
            long mentions,
            long comments,
            long previousMentions,
            long previousComments,
            double z,
            double pValue,
            double adjustedP) {

        public double share() {
            return (double) mentions / comments;
        }

        public double previousShare() {
            return (double) previousMentions / previousComments;
        }

        /** Up, and significant after the adjustment. */
        public boolean rose() {
            return z > 0 && adjustedP < Significance.ALPHA;
        }
    }

    /** Every testable topic's test, in the order of the current window's topics; empty below the minimum. */
    public static List<Comparison> tests(
            Comments.ThemeSummary before, Comments.ThemeSummary now, ReportingRules rules) {
        if (before.comments() < rules.minimumResponses() || now.comments() < rules.minimumResponses()) {
            return List.of();
        }
        Map<String, Long> earlier =
                before.themes().stream().collect(Collectors.toMap(t -> t.topic().key(), Comments.ThemeCount::comments));
        List<String> keys = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        List<double[]> family = new ArrayList<>();
        for (Comments.ThemeCount theme : now.themes()) {
            long previous = earlier.getOrDefault(theme.topic().key(), 0L);
            Double z = CrosstabStatistics.z(theme.comments(), now.comments(), previous, before.comments());
            if (z == null) {
                continue;
            }
            family.add(new double[] {Normal.twoSidedP(z), keys.size(), 0, z});
            keys.add(theme.topic().key());
            counts.add(new long[] {theme.comments(), previous});
        }
        Double[][] adjusted = CrosstabStatistics.holm(family, keys.size(), 1);
        List<Comparison> tests = new ArrayList<>();
        for (double[] t : family) {
            int i = (int) t[1];
            tests.add(new Comparison(
                    keys.get(i),
                    counts.get(i)[0],
                    now.comments(),
                    counts.get(i)[1],
                    before.comments(),
                    t[3],
                    t[0],
                    adjusted[i][0]));
        }
        return tests;
    }

    /** The topics that rose, most significant first. */
    public static List<Comparison> rises(
            Comments.ThemeSummary before, Comments.ThemeSummary now, ReportingRules rules) {
        return tests(before, now, rules).stream()
                .filter(Comparison::rose)
                .sorted(Comparator.comparingDouble(Comparison::adjustedP).thenComparing(Comparison::topicKey))
                .toList();
    }
}
