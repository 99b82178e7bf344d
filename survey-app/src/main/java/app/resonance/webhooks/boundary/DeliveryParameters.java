package app.resonance.webhooks.boundary;

import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;

/**
 * Which of an endpoint's deliveries to list ({@code @BeanParam}, checked with Bean Validation): one status,
 * or all when the parameter is absent or empty.
 */
public class DeliveryParameters {

    @QueryParam("status")
    @OneOf(values = {"PENDING", "DELIVERED", "FAILED"})
    @ParameterDoc("Only deliveries with this status (default: all)")
    String status;

    public DeliveryParameters() {}

    DeliveryParameters(String status) {
        this.status = status;
    }

    /** The chosen status, or null for all. */
    public String status() {
        return status == null || status.isBlank() ? null : status.strip();
    }
}
