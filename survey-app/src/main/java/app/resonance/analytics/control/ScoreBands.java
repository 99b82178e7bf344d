package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a score question has in a crosstab. NPS: detractors 0-6, passives 7-8, promoters 9-10 (as the NPS
 * counts them); CSAT: dissatisfied 1-2, neutral 3, satisfied 4-5 (satisfied as the CSAT counts it); CES:
 * difficult 1-3, neutral 4, easy 5-7; a rating: each point of its scale.
 *
 * @param keys the band keys, lowest first
 * @param lowest the scale's lowest score
 * @param upper each band's highest score
 */
public record ScoreBands(List<String> keys, int lowest, List<Integer> upper, boolean points) {

    public static ScoreBands of(Question question) {
        return of(question.type(), question.scaleMin(), question.scaleMax());
    }

    static ScoreBands of(QuestionType type, Integer min, Integer max) {
        return switch (type) {
            case NPS -> new ScoreBands(List.of("detractor", "passive", "promoter"), 0, List.of(6, 8, 10), false);
            case CSAT -> new ScoreBands(List.of("dissatisfied", "neutral", "satisfied"), 1, List.of(2, 3, 5), false);
            case CES -> new ScoreBands(List.of("difficult", "neutral", "easy"), 1, List.of(3, 4, 7), false);
            case RATING -> points(min == null ? type.defaultMin() : min, max == null ? type.defaultMax() : max);
            default -> throw new IllegalArgumentException(type + " has no scale");
        };
    }

    private static ScoreBands points(int min, int max) {
        List<String> keys = new ArrayList<>();
        List<Integer> upper = new ArrayList<>();
        for (int s = min; s <= max; s++) {
            keys.add(String.valueOf(s));
            upper.add(s);
        }
        return new ScoreBands(keys, min, upper, true);
    }

    /** The band of a score; null for a score beyond the scale (never stored, never counted). */
    public String band(int score) {
        for (int i = 0; i < upper.size(); i++) {
            if (score >= lowest && score <= upper.get(i)) {
                return points && score != upper.get(i) ? null : keys.get(i);
            }
        }
        return null;
    }

    /** The lowest and highest score of the band with this key, or null for a key the scale has not. */
    public int[] range(String key) {
        int i = keys.indexOf(key);
        if (i < 0) {
            return null;
        }
        int low = points ? upper.get(i) : i == 0 ? lowest : upper.get(i - 1) + 1;
        return new int[] {low, upper.get(i)};
    }

    /** The bands with their names ("Detractors (0-6)"), or the scale's points as they are. */
    public List<Label> labels(Messages messages) {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (points) {
                labels.add(new Label(key, key));
            } else {
                int low = i == 0 ? lowest : upper.get(i - 1) + 1;
                String range = low == upper.get(i) ? String.valueOf(low) : low + "-" + upper.get(i);
                labels.add(new Label(key, messages.get("crosstab.band." + key, range)));
            }
        }
        return labels;
    }
}
