package app.resonance.analytics.control;

import app.resonance.surveys.entity.QuestionType;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What moves a survey's score: each driver's share of the explained variance (Shapley/LMG decomposition of R², see
 * {@link RelativeImportance}) with its 95 % bootstrap interval, the tiers of drivers that cannot be told apart, and
 * the finding in one sentence. Not ranked ({@code drivers} empty) below the minimum number of responses.
 *
 * @param outcome the key of the question whose score is explained (the survey's NPS, CSAT, CES or rating)
 * @param responses the responses analysed: those with the outcome and every rating driver answered
 * @param requiredResponses the fewest responses a ranking needs: the reporting minimum, and ten per estimated column
 * @param rSquared the full model's R², the sum of the drivers' importances; null when not ranked
 */
@JsonbPropertyOrder({
    "outcome",
    "outcomeType",
    "status",
    "responses",
    "requiredResponses",
    "rSquared",
    "method",
    "resamples",
    "seed",
    "drivers",
    "sentence"
})
public record DriverAnalysis(
        String outcome,
        QuestionType outcomeType,
        Status status,
        long responses,
        int requiredResponses,
        @JsonbNillable Double rSquared,
        String method,
        int resamples,

        @Schema(type = SchemaType.INTEGER, format = "int64", description = "The bootstrap's fixed seed")
        long seed,

        List<Driver> drivers,
        String sentence)
        implements Serializable {

    public static final String METHOD = "SHAPLEY_R2";

    /** Whether the drivers are ranked, and why not. */
    @Schema(name = "DriverStatus")
    public enum Status {
        RANKED,
        /** Fewer responses than the reporting minimum or than ten per estimated column. */
        NOT_ENOUGH_RESPONSES,
        /** An anonymous survey with fewer than five responses: not even the count is shown. */
        HIDDEN_FOR_ANONYMITY,
        /** No question or topic with enough answers on both sides to explain the score with. */
        NO_DRIVERS
    }

    /** A question (a rating, or a choice question's options together) or a topic of the comments. */
    @Schema(name = "DriverKind")
    public enum Kind {
        QUESTION,
        TOPIC
    }

    /**
     * One driver: its share of R² ({@code importance}, the interval {@code low}..{@code high}), that share as a part
     * of what all drivers explain, and its tier: drivers in one tier cannot be told apart (their intervals overlap).
     */
    @Schema(
            name = "Driver",
            description = "importance: the driver's Shapley share of R² (the R² it adds, averaged over every order of"
                    + " entering the model); low and high: its 95 % percentile bootstrap interval; share: importance"
                    + " / R²; tier: 1 for the top; drivers of one tier cannot be told apart")
    @JsonbPropertyOrder({"key", "kind", "type", "label", "importance", "low", "high", "share", "tier"})
    public record Driver(
            String key,
            Kind kind,
            @JsonbNillable QuestionType type,
            String label,
            double importance,
            double low,
            double high,
            double share,
            int tier)
            implements Serializable {}

    public boolean ranked() {
        return status == Status.RANKED;
    }
}
