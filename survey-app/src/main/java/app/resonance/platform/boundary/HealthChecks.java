package app.resonance.platform.boundary;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /health/live: the application runs. /health/ready: migrations are done and the database answers. */
@ApplicationScoped
public class HealthChecks {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("resonance");
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            var response = HealthCheckResponse.named("database").withData("migrated", migrator.isMigrated());
            if (!migrator.isMigrated()) {
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
