package app.resonance.privacy.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the privacy endpoints answer (records bound by JSON-B). */
final class PrivacyJson {

    private PrivacyJson() {}

    /** What an erasure or a retention run changed. */
    @Schema(
            name = "Anonymisation",
            description = "How many responses lost their link to a person and how many free-text answers were removed")
    @JsonbPropertyOrder({"responsesAnonymised", "textsRemoved"})
    public record Anonymisation(int responsesAnonymised, int textsRemoved) {}

    /** A survey's retention period as stored. */
    @Schema(name = "RetentionSetting", description = "A survey's retention period in days; null keeps responses")
    @JsonbPropertyOrder({"survey", "days"})
    public record RetentionSetting(
            String survey, @JsonbNillable Integer days) {}
}
