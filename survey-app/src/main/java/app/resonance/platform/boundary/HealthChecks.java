package app.resonance.platform.boundary;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.ShutdownDrain;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/live: the application runs. /health/ready: migrations are done, the database answers, and the
 * instance is not draining before a stop ({@link ShutdownDrain}).
 */
@ApplicationScoped
public class HealthChecks {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    ShutdownDrain drain;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("resonance");
    }

    @Produces
    @Readiness
    HealthCheck serving() {
        return () -> HealthCheckResponse.named("serving")
                .withData("draining", drain.isDraining())
                .status(!drain.isDraining())
                .build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            boolean migrated;
            try {
                migrated = migrator.isMigrated();
            } catch (RuntimeException stillStarting) {
                // While the container is still initialising its singletons, the migrator cannot be asked yet:
                // not ready (503), not an error (500).
                migrated = false;
            }
            var response = HealthCheckResponse.named("database").withData("migrated", migrated);
            if (!migrated) {
                return response.down().build();
            }
            try (var connection = dataSource.getConnection()) {
                return response.status(connection.isValid(2)).build();
            } catch (Exception e) {
                return response.down().build();
            }
        };
    }
}
