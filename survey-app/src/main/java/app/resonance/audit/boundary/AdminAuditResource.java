package app.resonance.audit.boundary;

import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first. ADMIN only (web.xml). */
@Path("admin/audit")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit log")
public class AdminAuditResource {

    @Inject
    AuditLog log;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Who changed what: a page of entries, newest first, optionally of one area")
    public JsonObject list(
            @QueryParam("area") String area,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        AuditArea chosen = null;
        if (area != null) {
            for (AuditArea candidate : AuditArea.values()) {
                if (candidate.name().equals(area)) {
                    chosen = candidate;
                }
            }
            if (chosen == null) {
                throw ProblemException.invalid(
                        "problem.invalidParameters",
                        List.of(RequestLanguage.messages(headers)
                                .error("area", "oneOf", java.util.Arrays.toString(AuditArea.values()))));
            }
        }
        if (offset < 0 || limit < 1 || limit > 500) {
            throw ProblemException.invalid(
                    "problem.invalidParameters",
                    List.of(RequestLanguage.messages(headers).error("limit", "range", 1, 500)));
        }
        var items = Jsonp.createArrayBuilder();
        log.page(chosen, offset, limit).forEach(e -> {
            var item = Jsonp.createObjectBuilder()
                    .add("occurredAt", e.occurredAt().toString())
                    .add("actor", e.actor())
                    .add("area", e.area().name())
                    .add("subject", e.subject())
                    .add("action", e.action());
            if (e.details() != null) {
                item.add("details", e.details());
            }
            items.add(item);
        });
        return Jsonp.createObjectBuilder()
                .add("total", log.count(chosen))
                .add("items", items)
                .build();
    }
}
