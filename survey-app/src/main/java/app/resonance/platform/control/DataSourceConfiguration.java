package app.resonance.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one data source, pooled by the container. URL, user and password come from
 * MicroProfile Config ({@code RESONANCE_DB_URL} and friends); the default is an H2 file database
 * under the data directory, so data survives a restart. On PostgreSQL, {@code RESONANCE_DB_LOCK_TIMEOUT} and
 * {@code RESONANCE_DB_STATEMENT_TIMEOUT} bound how long one statement waits (see {@link RoutingDataSource}).
 *
 * <p>The definition names none of these settings: {@link RoutingDataSource} reads them from the application's
 * MicroProfile Config when the pool asks for its first connection. Payara expands {@code ${MPCONFIG=...}} in a
 * data source definition once while it prepares the deployment, before the application's
 * {@code microprofile-config.properties} is visible, and logged "no value found" for each of the five settings
 * at every start; a default written into the expression is worse, since the first expansion sticks and would
 * override the application's own defaults (a password default made the demo fail to log in to its database).
 */
@Singleton
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "app.resonance.platform.control.RoutingDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            "fish.payara.connection-creation-retry-attempts=0",
            "fish.payara.max-wait-time-in-millis=5000"
        })
public class DataSourceConfiguration {
    public static final String JNDI_NAME = "java:app/jdbc/resonance";
}
