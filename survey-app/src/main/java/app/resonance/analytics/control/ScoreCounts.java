package app.resonance.analytics.control;

import java.util.Arrays;

/**
 * How many answers gave each score from 0 to 10: everything the statistics need (every supported scale
 * lies within 0-10). Rollup rows store exactly these counts, so any figure can be summed from them.
 */
public final class ScoreCounts {

    public static final int MAX_SCORE = 10;
    private final long[] counts;

    private ScoreCounts(long[] counts) {
        this.counts = counts;
    }

    public static ScoreCounts empty() {
        return new ScoreCounts(new long[MAX_SCORE + 1]);
    }

    /** Counts given for scores 0, 1, 2, ... in that order (fewer than eleven: the rest are zero). */
    public static ScoreCounts of(long... countsFromZero) {
        if (countsFromZero.length > MAX_SCORE + 1) {
            throw new IllegalArgumentException("Scores run from 0 to " + MAX_SCORE);
        }
        long[] counts = Arrays.copyOf(countsFromZero, MAX_SCORE + 1);
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("Counts are never negative");
            }
        }
        return new ScoreCounts(counts);
    }

    /** Every answer once, for example {@code ofScores(9, 10, 3)}. */
    public static ScoreCounts ofScores(int... scores) {
        long[] counts = new long[MAX_SCORE + 1];
        for (int score : scores) {
            counts[check(score)]++;
        }
        return new ScoreCounts(counts);
    }

    private static int check(int score) {
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("Scores run from 0 to " + MAX_SCORE + ": " + score);
        }
        return score;
    }

    public ScoreCounts plus(ScoreCounts other) {
        long[] sum = counts.clone();
        for (int i = 0; i <= MAX_SCORE; i++) {
            sum[i] += other.counts[i];
        }
        return new ScoreCounts(sum);
    }

    public long count(int score) {
        return counts[check(score)];
    }

    /** Answers with a score from {@code low} to {@code high}, both included. */
    public long between(int low, int high) {
        long n = 0;
        for (int s = Math.max(0, low); s <= Math.min(MAX_SCORE, high); s++) {
            n += counts[s];
        }
        return n;
    }

    public long n() {
        return between(0, MAX_SCORE);
    }

    public long sum() {
        long sum = 0;
        for (int s = 0; s <= MAX_SCORE; s++) {
            sum += s * counts[s];
        }
        return sum;
    }

    public long sumOfSquares() {
        long sum = 0;
        for (int s = 0; s <= MAX_SCORE; s++) {
            sum += (long) s * s * counts[s];
        }
        return sum;
    }

    public long[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
