package app.resonance.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one data source, pooled by the container. URL, user and password come from
 * MicroProfile Config ({@code RESONANCE_DB_URL} and friends); the default is an H2 file database
 * under the data directory, so data survives a restart. On PostgreSQL, {@code RESONANCE_DB_LOCK_TIMEOUT} and
 * {@code RESONANCE_DB_STATEMENT_TIMEOUT} bound how long one statement waits (see {@link RoutingDataSource}).
 */
@Singleton
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "app.resonance.platform.control.RoutingDataSource",
        url = "${MPCONFIG=resonance.db.url}",
        user = "${MPCONFIG=resonance.db.user}",
        password = "${MPCONFIG=resonance.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "lockTimeout=${MPCONFIG=resonance.db.lock-timeout}",
            "statementTimeout=${MPCONFIG=resonance.db.statement-timeout}",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            "fish.payara.connection-creation-retry-attempts=0",
            "fish.payara.max-wait-time-in-millis=5000"
        })
public class DataSourceConfiguration {
    public static final String JNDI_NAME = "java:app/jdbc/resonance";
}
