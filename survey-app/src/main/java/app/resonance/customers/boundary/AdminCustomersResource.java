package app.resonance.customers.boundary;

import app.resonance.customers.control.CustomerCsvReader;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.CustomerMergePatch;
import app.resonance.customers.control.CustomerProfileValidator;
import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.boundary.JaxrsConfiguration;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.JsonInput;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers through the API: list, read, create, replace (PUT) or change (PATCH, JSON Merge Patch) by
 * external id, import a CSV. Reading for every role, changing for ADMIN only.
 */
@Path("admin/customers")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: customers and segments")
public class AdminCustomersResource {

    @Inject
    CustomerDirectory directory;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "A page of customers; sort by externalId, name, plan, region, renewalDate or createdAt")
    public CustomerJson.Page list(
            @Valid @BeanParam PageParameters page, @Valid @BeanParam CustomerListParameters order) {
        return new CustomerJson.Page(
                directory.count(),
                page.offset(),
                page.limit(),
                directory.page(page.offset(), page.limit(), order.sort(), order.descending()).stream()
                        .map(CustomerJson::of)
                        .toList());
    }

    @GET
    @Path("{externalId}")
    @Operation(summary = "One customer")
    public CustomerJson get(@PathParam("externalId") String externalId) {
        return CustomerJson.of(customer(externalId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a customer, or replace the one with the same external id")
    @APIResponse(responseCode = "201", ref = JaxrsConfiguration.CUSTOMER_CREATED)
    @APIResponse(responseCode = "200", ref = JaxrsConfiguration.CUSTOMER_REPLACED)
    public Response create(CustomerProfile profile) {
        return upsert(profile);
    }

    @PUT
    @Path("{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace the customer with this external id",
            description = "Replaces the whole customer: a field left out of the body is cleared (email, plan,"
                    + " region, lifecycleStage, renewalDate, locale become empty, attributes none), as PUT means."
                    + " To change single fields, send a PATCH. The external id is the path's.")
    @APIResponse(responseCode = "201", ref = JaxrsConfiguration.CUSTOMER_CREATED)
    @APIResponse(responseCode = "200", ref = JaxrsConfiguration.CUSTOMER_REPLACED)
    public Response put(@PathParam("externalId") String externalId, CustomerProfile profile) {
        if (profile == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        return upsert(new CustomerProfile(
                externalId,
                profile.name(),
                profile.email(),
                profile.plan(),
                profile.region(),
                profile.lifecycleStage(),
                profile.renewalDate(),
                profile.locale(),
                profile.attributes()));
    }

    @PATCH
    @Path("{externalId}")
    @Consumes(CustomerMergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change single fields of a customer (JSON Merge Patch, RFC 7396)",
            description = "A field left out stays as it is, null clears it (the name cannot be cleared), attributes"
                    + " are merged name by name (null removes one). An unknown or read-only field is 422 naming"
                    + " it; another content type than application/merge-patch+json is 415.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = CustomerMergePatch.MEDIA_TYPE, schema = @Schema(ref = "CustomerPatch")))
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Customer")))
    public CustomerJson patch(@PathParam("externalId") String externalId, InputStream body) throws IOException {
        byte[] bytes = JsonInput.readAll(body);
        if (bytes.length == 0) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        var patch = JsonInput.object(bytes).orElseThrow(() -> ProblemException.badRequest("problem.malformedJson"));
        Messages messages = RequestLanguage.messages(headers);
        var merged = CustomerMergePatch.apply(customer(externalId).profile(), patch, messages);
        if (!merged.errors().isEmpty()) {
            throw ProblemException.invalid("problem.invalidCustomer", merged.errors());
        }
        store(merged.profile(), messages);
        return CustomerJson.of(customer(externalId));
    }

    private Response upsert(CustomerProfile profile) {
        if (profile == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        boolean created = store(profile, RequestLanguage.messages(headers));
        CustomerJson body = CustomerJson.of(customer(profile.externalId()));
        URI location = URI.create("admin/customers/" + URLEncoder.encode(profile.externalId(), StandardCharsets.UTF_8));
        return created
                ? Response.created(location).entity(body).build()
                : Response.ok(body).build();
    }

    /** Checks and stores a whole profile (audited by the directory); answers whether it was created. */
    private boolean store(CustomerProfile profile, Messages messages) {
        var errors = CustomerProfileValidator.validate(profile, "", messages);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidCustomer", errors);
        }
        return directory.upsert(profile);
    }

    private Customer customer(String externalId) {
        return directory
                .visibleByExternalId(externalId)
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Import customers from CSV (header row; comma or semicolon); upsert by external id",
            description = "Nothing is stored if any row has an error; the errors name row and field.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
            })
    public CustomerJson.Import importCsv(InputStream csv) {
        Messages messages = RequestLanguage.messages(headers);
        var result = CustomerCsvReader.read(new InputStreamReader(csv, StandardCharsets.UTF_8), messages);
        if (!result.errors().isEmpty()) {
            throw ProblemException.invalid("problem.invalidImport", result.errors());
        }
        var count = directory.upsertAll(result.profiles());
        return new CustomerJson.Import(count.created(), count.updated());
    }
}
