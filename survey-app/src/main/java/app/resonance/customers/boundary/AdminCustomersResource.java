package app.resonance.customers.boundary;

import app.resonance.customers.control.CustomerCsvReader;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.CustomerProfileValidator;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers through the API: list, read, create or update by external id, import a CSV. ADMIN only. */
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
    public JsonObject list(
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("sort") @DefaultValue("externalId") String sort,
            @QueryParam("order") @DefaultValue("asc") String order) {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        int from = number(offset, 0, Integer.MAX_VALUE, "offset", errors, messages);
        int size = number(limit, 1, 500, "limit", errors, messages);
        if (!CustomerDirectory.SORTABLE.containsKey(sort)) {
            errors.add(messages.error(
                    "sort",
                    "oneOf",
                    String.join(
                            ", ",
                            CustomerDirectory.SORTABLE.keySet().stream()
                                    .sorted()
                                    .toList())));
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            errors.add(messages.error("order", "oneOf", "asc, desc"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        var items = Jsonp.createArrayBuilder();
        directory.page(from, size, sort, order.equals("desc")).forEach(c -> items.add(CustomerJson.customer(c)));
        return Jsonp.createObjectBuilder()
                .add("total", directory.count())
                .add("offset", from)
                .add("limit", size)
                .add("items", items)
                .build();
    }

    @GET
    @Path("{externalId}")
    @Operation(summary = "One customer")
    public JsonObject get(@PathParam("externalId") String externalId) {
        return directory
                .byExternalId(externalId)
                .map(CustomerJson::customer)
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a customer, or update the one with the same external id")
    public Response create(CustomerProfile profile) {
        return upsert(profile);
    }

    @PUT
    @Path("{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update the customer with this external id")
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

    private Response upsert(CustomerProfile profile) {
        if (profile == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        var errors = CustomerProfileValidator.validate(profile, "", RequestLanguage.messages(headers));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidCustomer", errors);
        }
        boolean created = directory.upsert(profile);
        JsonObject body = CustomerJson.customer(
                directory.byExternalId(profile.externalId()).orElseThrow());
        URI location = URI.create(
                "admin/customers/" + java.net.URLEncoder.encode(profile.externalId(), StandardCharsets.UTF_8));
        return created
                ? Response.created(location).entity(body).build()
                : Response.ok(body).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Import customers from CSV (header row; comma or semicolon); upsert by external id",
            description = "Nothing is stored if any row has an error; the errors name row and field.")
    public JsonObject importCsv(InputStream csv) {
        Messages messages = RequestLanguage.messages(headers);
        var result = CustomerCsvReader.read(new InputStreamReader(csv, StandardCharsets.UTF_8), messages);
        if (!result.errors().isEmpty()) {
            throw ProblemException.invalid("problem.invalidImport", result.errors());
        }
        var count = directory.upsertAll(result.profiles());
        return Jsonp.createObjectBuilder()
                .add("created", count.created())
                .add("updated", count.updated())
                .build();
    }

    private static int number(String text, int min, int max, String field, List<FieldError> errors, Messages messages) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(messages.error(field, "range", min, max));
        return min;
    }
}
