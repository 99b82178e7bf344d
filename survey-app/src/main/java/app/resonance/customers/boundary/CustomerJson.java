package app.resonance.customers.boundary;

import app.resonance.customers.entity.Customer;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer as the admin API answers it (a record bound by JSON-B): fields without a value are left out,
 * attributes sorted by name.
 */
@Schema(name = "Customer", description = "A customer; fields without a value are left out")
@JsonbPropertyOrder({
    "externalId",
    "name",
    "email",
    "plan",
    "region",
    "lifecycleStage",
    "renewalDate",
    "locale",
    "attributes",
    "createdAt",
    "updatedAt"
})
public record CustomerJson(
        String externalId,
        String name,
        String email,
        String plan,
        String region,
        String lifecycleStage,
        String renewalDate,
        String locale,
        Map<String, String> attributes,
        String createdAt,
        String updatedAt) {

    static CustomerJson of(Customer customer) {
        return new CustomerJson(
                customer.externalId(),
                customer.name(),
                customer.email(),
                customer.plan(),
                customer.region(),
                customer.lifecycleStage(),
                customer.renewalDate() == null ? null : customer.renewalDate().toString(),
                customer.preferredLocale(),
                new TreeMap<>(customer.attributes()),
                customer.createdAt().toString(),
                customer.updatedAt().toString());
    }

    /** A page of customers. */
    @Schema(name = "CustomerPage", description = "A page of customers and how many there are in all")
    @JsonbPropertyOrder({"total", "offset", "limit", "items"})
    public record Page(long total, int offset, int limit, List<CustomerJson> items) {}

    /** What a CSV import stored. */
    @Schema(name = "CustomerImport", description = "How many customers an import created and updated")
    @JsonbPropertyOrder({"created", "updated"})
    public record Import(int created, int updated) {}

    /**
     * The body of a PATCH (JSON Merge Patch, RFC 7396), described for the OpenAPI; the resource reads it as
     * a JSON object, because a left-out field and a null differ.
     */
    @Schema(
            name = "CustomerPatch",
            description = "Only the fields to change: a left-out field stays, null clears it (not the name);"
                    + " attributes are merged one by one, null removes one. externalId may only repeat the"
                    + " path's; any other field is refused (422 naming it).")
    public record Patch(
            String externalId,
            String name,
            String email,
            String plan,
            String region,
            String lifecycleStage,
            String renewalDate,
            String locale,
            Map<String, String> attributes) {}
}
