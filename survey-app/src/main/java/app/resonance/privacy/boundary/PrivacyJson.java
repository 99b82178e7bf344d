package app.resonance.privacy.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
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

    /**
     * The right-of-access download, described for the OpenAPI (written by
     * {@link app.resonance.privacy.control.PersonalData} straight from the database).
     */
    @Schema(
            name = "PersonalData",
            description = "Everything stored about one customer: the profile, every response with its answers,"
                    + " every invitation, and the suppression list's entries for the customer's address")
    @JsonbPropertyOrder({"customer", "responses", "invitations", "suppressions"})
    public record PersonalData(
            @Schema(ref = "Customer") Object customer,
            List<PersonalResponse> responses,
            List<PersonalInvitation> invitations,
            List<PersonalSuppression> suppressions) {}

    @Schema(name = "PersonalResponse", description = "A response the customer gave, with its answers")
    public record PersonalResponse(
            long id,
            String survey,
            String channel,
            String locale,
            String status,
            String submittedAt,
            List<PersonalAnswer> answers) {}

    @Schema(name = "PersonalAnswer", description = "One stored answer: a score, an option (of a matrix row) or a text")
    public record PersonalAnswer(String question, String row, String option, Integer score, String text) {}

    @Schema(name = "PersonalInvitation", description = "An invitation issued for the customer")
    public record PersonalInvitation(String survey, String createdAt, String sentAt, String openedAt) {}

    @Schema(
            name = "PersonalSuppression",
            description = "An entry of the suppression list for the customer's address (liftedAt once lifted)")
    public record PersonalSuppression(String reason, String source, String createdAt, String liftedAt) {}
}
