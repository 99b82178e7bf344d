package app.resonance.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API, versioned: everything lives under /api/v1. Jersey's WADL is off (it named the framework
 * and the whole resource structure to anyone who sent OPTIONS); OPTIONS answers 204 with Allow
 * ({@link OptionsAnswer}), the widget's CORS preflight is answered before (WidgetCorsFilter).
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Resonance API",
                        version = "1",
                        description = "Public survey definitions and response submission; the admin API for surveys, "
                                + "customers and segments (HTTP Basic for an ADMIN user or a Bearer API token)."))
public class JaxrsConfiguration extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
