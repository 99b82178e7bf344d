package app.resonance.customers.boundary;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Writes customers and segments as the admin API shows them. */
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

    static JsonObject segment(Segment segment, long members) {
        var rules = Jsonp.createArrayBuilder();
        segment.rules()
                .forEach(rule -> rules.add(Jsonp.createObjectBuilder()
                        .add("attribute", rule.attribute())
                        .add("operator", rule.operator().name())
                        .add("value", rule.value())));
        return Jsonp.createObjectBuilder()
                .add("key", segment.key())
                .add(
                        "name",
                        Jsonp.createObjectBuilder()
                                .add("de", segment.name().de())
                                .add("en", segment.name().en()))
                .add("rules", rules)
                .add("customers", members)
                .build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
