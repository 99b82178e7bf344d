package app.resonance.analytics.control;

import app.resonance.analytics.control.RollupUpdater.ScoreChange;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence the rollups produced, fired synchronously inside the transaction that produced it: observers (the
 * follow-ups' alert rules) write on the same {@link #connection()}, so an alert happens exactly once with the
 * rollup change. What must wait for the commit (telling the assignee of a new task) is registered with
 * {@link #afterCommit(Runnable)}. The rollups do not know who observes: the arrow runs from follow-ups to
 * analytics only.
 */
public final class RollupsChanged {

    /** What the rollups saw. */
    public sealed interface Evidence permits ScoreChanges, TopicRise {}

    /** Scores that changed while a batch of response events was applied. */
    public record ScoreChanges(List<ScoreChange> changes) implements Evidence {}

    /**
     * A topic whose share of a survey's comments rose significantly against the window before, in the ISO week
     * {@code period}: the shares of both windows and the Holm-adjusted p-value.
     */
    public record TopicRise(
            long surveyId, String topicKey, double share, double previousShare, double pValue, String period)
            implements Evidence {}

    private final Connection connection;
    private final Instant now;
    private final LocalDate today;
    private final Evidence evidence;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private int raised;

    public RollupsChanged(Connection connection, Instant now, LocalDate today, Evidence evidence) {
        this.connection = connection;
        this.now = now;
        this.today = today;
        this.evidence = evidence;
    }

    public Connection connection() {
        return connection;
    }

    public Instant now() {
        return now;
    }

    /** Today in the reporting zone. */
    public LocalDate today() {
        return today;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** Runs {@code work} once the transaction committed (never after a rollback). */
    public void afterCommit(Runnable work) {
        afterCommit.add(work);
    }

    /** Counts alerts an observer raised. */
    public void raised(int alerts) {
        raised += alerts;
    }

    /** The alerts the observers raised. */
    public int raised() {
        return raised;
    }

    /** The work registered for after the commit, in order. */
    List<Runnable> afterCommit() {
        return List.copyOf(afterCommit);
    }
}
