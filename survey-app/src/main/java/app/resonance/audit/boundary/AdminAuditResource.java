package app.resonance.audit.boundary;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first. ADMIN only (web.xml). */
@Path("admin/audit")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit log")
public class AdminAuditResource {

    /** A page of the audit log with the number of entries of the area. */
    @Schema(name = "AuditPage", description = "A page of the audit log, newest first, and how many entries there are")
    @JsonbPropertyOrder({"total", "items"})
    public record AuditPage(long total, List<AuditItem> items) {}

    /** One entry of the audit log; details only where the change has some, in the language asked for. */
    @Schema(name = "AuditLogEntry", description = "Who changed what, when")
    @JsonbPropertyOrder({"occurredAt", "actor", "area", "subject", "action", "details"})
    public record AuditItem(
            String occurredAt, String actor, String area, String subject, String action, String details) {}

    @Inject
    AuditLog log;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Who changed what: a page of entries, newest first, optionally of one area")
    public AuditPage list(@Valid @BeanParam AuditParameters filter, @Valid @BeanParam PageParameters page) {
        AuditArea chosen = filter.area();
        var messages = RequestLanguage.messages(headers);
        var items = log.page(chosen, page.offset(), page.limit()).stream()
                .map(e -> new AuditItem(
                        e.occurredAt().toString(),
                        e.actor(),
                        e.area().name(),
                        e.subject(),
                        e.action(),
                        e.details() == null ? null : AuditDetail.render(e.details(), messages)))
                .toList();
        return new AuditPage(log.count(chosen), items);
    }
}
