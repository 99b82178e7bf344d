package app.resonance.customers.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/** What is known about a customer, as the admin API and the CSV import take it. */
public record CustomerProfile(
        String externalId,
        String name,
        String email,
        String plan,
        String region,
        String lifecycleStage,
        LocalDate renewalDate,
        String locale,
        Map<String, String> attributes)
        implements Serializable {

    public CustomerProfile {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A profile from its text fields by name ({@code name}, {@code email}, {@code plan}, {@code region},
     * {@code lifecycleStage}, {@code locale}: a missing one is empty), as a CSV row or a merge patch reads them.
     */
    public static CustomerProfile of(
            String externalId, Map<String, String> fields, LocalDate renewalDate, Map<String, String> attributes) {
        return new CustomerProfile(
                externalId,
                fields.get("name"),
                fields.get("email"),
                fields.get("plan"),
                fields.get("region"),
                fields.get("lifecycleStage"),
                renewalDate,
                fields.get("locale"),
                attributes);
    }
}
