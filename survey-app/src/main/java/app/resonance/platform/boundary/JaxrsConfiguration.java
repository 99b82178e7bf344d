package app.resonance.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, versioned: everything lives under /api/v1. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Resonance API",
                        version = "1",
                        description = "Public survey definitions and response submission; the admin API for surveys, "
                                + "customers and segments (HTTP Basic for an ADMIN user or a Bearer API token)."))
public class JaxrsConfiguration extends Application {}
