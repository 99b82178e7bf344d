package app.resonance.analytics.control;

import java.sql.Connection;
import java.util.List;

/**
 * Scores that appeared, changed or disappeared, fired inside the transaction that moved them in the
 * rollups (on {@code connection}): an observer that writes through that connection acts exactly once per
 * change.
 */
public record ScoresChanged(Connection connection, List<RollupUpdater.ScoreChange> changes) {}
