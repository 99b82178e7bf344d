package app.resonance.customers.boundary;

import app.resonance.customers.entity.Customer;
import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Writes customers as the admin API shows them. */
final class CustomerJson {

    private CustomerJson() {}

    static JsonObject customer(Customer customer) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("externalId", customer.externalId())
                .add("name", customer.name());
        optional(json, "email", customer.email());
        optional(json, "plan", customer.plan());
        optional(json, "region", customer.region());
        optional(json, "lifecycleStage", customer.lifecycleStage());
        optional(
                json,
                "renewalDate",
                customer.renewalDate() == null ? null : customer.renewalDate().toString());
        optional(json, "locale", customer.preferredLocale());
        JsonObjectBuilder attributes = Jsonp.createObjectBuilder();
        customer.attributes().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> attributes.add(e.getKey(), e.getValue()));
        return json.add("attributes", attributes)
                .add("createdAt", customer.createdAt().toString())
                .add("updatedAt", customer.updatedAt().toString())
                .build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
