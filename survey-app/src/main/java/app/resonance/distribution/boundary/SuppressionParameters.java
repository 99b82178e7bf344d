package app.resonance.distribution.boundary;

import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/**
 * Which entries of the suppression list to read ({@code @BeanParam}, checked with Bean Validation; paged by
 * {@link app.resonance.platform.boundary.PageParameters}).
 */
public class SuppressionParameters {

    @QueryParam("reason")
    @OneOf(type = Suppression.Reason.class)
    @ParameterDoc("Only entries with this reason (default: all)")
    String reason;

    public SuppressionParameters() {}

    SuppressionParameters(String reason) {
        this.reason = reason;
    }

    /** The chosen reason, or null for all. */
    Suppression.Reason reason() {
        return reason == null || reason.isBlank()
                ? null
                : Suppression.Reason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
    }
}
