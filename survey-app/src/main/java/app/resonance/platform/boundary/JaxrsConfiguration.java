package app.resonance.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
                                + "customers and segments (HTTP Basic for an ADMIN user or a Bearer API token)."),
        components =
                @Components(
                        responses = {
                            // the answers of creating or replacing a customer (POST and PUT), declared once
                            @APIResponse(
                                    name = JaxrsConfiguration.CUSTOMER_CREATED,
                                    description = "Created; Location names the customer",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "Customer"))),
                            @APIResponse(
                                    name = JaxrsConfiguration.CUSTOMER_REPLACED,
                                    description = "Replaced the customer with this external id",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "Customer")))
                        }))
public class JaxrsConfiguration extends Application {

    /** The answer components ({@code @APIResponse(ref = ...)}) of a customer created or replaced. */
    public static final String CUSTOMER_CREATED = "CustomerCreated";

    public static final String CUSTOMER_REPLACED = "CustomerReplaced";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
