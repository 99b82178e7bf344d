package app.resonance.console.followups;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The customer page's score history as an SVG drawing (issue 12 defect 7): NPS answers oldest first on a time
 * axis, a score axis 0-10 with ticks every two points, both axes titled, the promoter (9) and detractor (6)
 * lines, and a legend (the page draws the texts from the bundle). Coordinates are in the SVG's 520 x 240
 * view box; the plot spans x {@value #LEFT}-{@value #RIGHT}, y {@value #TOP} (10) to {@value #BOTTOM} (0).
 */
public final class ScoreChart implements Serializable {

    private static final long serialVersionUID = 1L;
    static final double LEFT = 50;
    static final double RIGHT = 500;
    static final double TOP = 14;
    static final double BOTTOM = 164;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** One answer: where it is drawn and what its tooltip says. */
    public record Dot(String x, String y, int score, String label) implements Serializable {}

    /** A labelled position on an axis. */
    public record Tick(String position, String label, String anchor) implements Serializable {}

    /** A score at a point in time. */
    public record Answer(Instant at, int score) {}

    private final List<Dot> dots = new ArrayList<>();
    private final List<Tick> scoreTicks = new ArrayList<>();
    private final List<Tick> timeTicks = new ArrayList<>();

    /** The answers oldest first, dates shown in the zone. */
    public ScoreChart(List<Answer> answers, ZoneId zone) {
        int n = answers.size();
        for (int score = 0; score <= 10; score += 2) {
            scoreTicks.add(new Tick(number(y(score)), Integer.toString(score), "end"));
        }
        for (int i = 0; i < n; i++) {
            Answer a = answers.get(i);
            String day = DAY.format(a.at().atZone(zone));
            dots.add(new Dot(number(x(i, n)), number(y(a.score())), a.score(), day + ": " + a.score()));
        }
        if (n > 0) {
            List<Integer> labelled = n == 1 ? List.of(0) : n == 2 ? List.of(0, 1) : List.of(0, (n - 1) / 2, n - 1);
            for (int i : labelled) {
                // the first and last date grow inwards, so that neither is cut at the chart's edge
                String anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
                String x = number(i == 0 && n > 1 ? LEFT : i == n - 1 && n > 1 ? RIGHT : x(i, n));
                timeTicks.add(new Tick(x, DAY.format(answers.get(i).at().atZone(zone)), anchor));
            }
        }
    }

    static double x(int i, int n) {
        return n == 1 ? (LEFT + RIGHT) / 2 : LEFT + 10 + (RIGHT - LEFT - 20) * i / (n - 1);
    }

    static double y(int score) {
        return BOTTOM - (BOTTOM - TOP) * score / 10;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public boolean isEmpty() {
        return dots.isEmpty();
    }

    /** The polyline's points. */
    public String getPoints() {
        StringBuilder points = new StringBuilder();
        for (Dot dot : dots) {
            points.append(dot.x()).append(',').append(dot.y()).append(' ');
        }
        return points.toString().strip();
    }

    public List<Dot> getDots() {
        return dots;
    }

    /** 0, 2, 4 … 10 on the score axis. */
    public List<Tick> getScoreTicks() {
        return scoreTicks;
    }

    /** The first, middle and last answer's dates on the time axis. */
    public List<Tick> getTimeTicks() {
        return timeTicks;
    }

    public String getPromoterY() {
        return number(y(9));
    }

    public String getDetractorY() {
        return number(y(6));
    }
}
