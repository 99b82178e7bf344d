package app.resonance.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the integration tests of the PostgreSQL execution only when PostgreSQL answers, except in CI
 * where they run regardless and fail loudly without it.
 */
public class ItDatabaseCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgres".equals(System.getProperty("resonance.it.db"))) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL run");
        }
        if (TestDatabases.postgresReachable() || TestDatabases.postgresRequired()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers, or is required");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL does not answer; skipped outside CI");
    }
}
