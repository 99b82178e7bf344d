package app.resonance.webhooks.boundary;

import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/** Which deliveries of an endpoint to list ({@code @BeanParam}, checked with Bean Validation). */
public class DeliveryParameters {

    @QueryParam("status")
    @OneOf(values = {"PENDING", "DELIVERED", "FAILED"})
    @ParameterDoc("Only deliveries in this state (default: all)")
    String status;

    public DeliveryParameters() {}

    DeliveryParameters(String status) {
        this.status = status;
    }

    /** The chosen status, or null for all. */
    String status() {
        return status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    }
}
