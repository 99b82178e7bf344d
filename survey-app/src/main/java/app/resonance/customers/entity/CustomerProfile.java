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
}
