package app.resonance.audit.boundary;

import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/**
 * Which area of the audit log to read ({@code @BeanParam}, checked with Bean Validation; paged by
 * {@link app.resonance.platform.boundary.PageParameters}).
 */
public class AuditParameters {

    @QueryParam("area")
    @OneOf(type = AuditArea.class)
    @ParameterDoc("Only entries of this area (default: all)")
    String area;

    public AuditParameters() {}

    AuditParameters(String area) {
        this.area = area;
    }

    /** The chosen area, or null for all. */
    AuditArea area() {
        return area == null || area.isBlank()
                ? null
                : AuditArea.valueOf(area.strip().toUpperCase(Locale.ROOT));
    }
}
