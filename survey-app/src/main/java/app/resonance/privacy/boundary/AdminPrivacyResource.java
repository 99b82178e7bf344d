package app.resonance.privacy.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import app.resonance.privacy.control.PrivacyJobs;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data subjects' rights and retention (GDPR). ADMIN only. */
@Path("admin/privacy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: privacy")
public class AdminPrivacyResource {

    static final int MAX_RETENTION_DAYS = 3650;

    @Inject
    PrivacyJobs jobs;

    @Inject
    app.resonance.audit.control.AuditLog audit;

    @Inject
    SurveyCatalog catalog;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    @Path("customers/{externalId}")
    @Operation(summary = "Everything stored about one customer (right of access), as a JSON download")
    @APIResponse(
            responseCode = "200",
            description = "The customer's data, as an attachment personal-data.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PersonalData")))
    public Response export(@PathParam("externalId") String externalId) throws SQLException {
        JsonObject data =
                jobs.export(externalId).orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
        return Response.ok(data)
                .header("Content-Disposition", "attachment; filename=\"personal-data.json\"")
                .build();
    }

    @DELETE
    @Path("customers/{externalId}")
    @Operation(
            summary = "Erase one customer's personal data",
            description = "Removes name, e-mail, external id, attributes and free-text answers and unlinks the"
                    + " responses; scores and segments stay for the aggregates. Logged without naming the person.")
    @jakarta.transaction.Transactional
    public PrivacyJson.Anonymisation erase(@PathParam("externalId") String externalId) throws SQLException {
        var outcome = jobs.erase(externalId, actor())
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
        // The audit entry names nobody: the erased person must not live on in the log.
        audit.record(
                app.resonance.audit.entity.AuditArea.CUSTOMER,
                "erased customer",
                "ERASE",
                app.resonance.audit.control.AuditDetail.of("erased", outcome.responses(), outcome.texts()));
        return new PrivacyJson.Anonymisation(outcome.responses(), outcome.texts());
    }

    /** How long a survey's responses keep what identifies a person; null keeps them. */
    @Schema(
            name = "Retention",
            description = "Days a survey's responses keep what identifies a person (1 to 3650); null keeps them")
    public record Retention(Integer days) {}

    @PUT
    @Path("retention/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a survey's retention period in days (null: keep)")
    public PrivacyJson.RetentionSetting retention(@PathParam("slug") String slug, Retention retention)
            throws SQLException {
        if (retention == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Survey survey = catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
        if (retention.days() != null && (retention.days() < 1 || retention.days() > MAX_RETENTION_DAYS)) {
            Messages messages = RequestLanguage.messages(headers);
            throw ProblemException.invalid(
                    "problem.invalidParameters", List.of(messages.error("days", "retentionDays", MAX_RETENTION_DAYS)));
        }
        jobs.retentionDays(survey.id(), retention.days());
        return new PrivacyJson.RetentionSetting(slug, retention.days());
    }

    @POST
    @Path("retention/run")
    @Operation(summary = "Apply every survey's retention period now (it also runs nightly at 03:30 UTC)")
    public PrivacyJson.Anonymisation runRetention() throws SQLException {
        var outcome = jobs.retention(actor());
        return new PrivacyJson.Anonymisation(outcome.responses(), outcome.texts());
    }

    private String actor() {
        return security.getUserPrincipal() == null
                ? "unknown"
                : security.getUserPrincipal().getName();
    }
}
