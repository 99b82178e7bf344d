package app.resonance.followups.boundary;

import app.resonance.platform.boundary.IsoDate;
import app.resonance.platform.boundary.WholeNumber;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The query parameters of the segment decline check, validated by Bean Validation ({@code @Valid @BeanParam}). */
public class SegmentCheckParameters {

    @QueryParam("asOf")
    @IsoDate
    String asOf;

    @QueryParam("days")
    @WholeNumber(min = 7, max = 180)
    String days;

    public SegmentCheckParameters() {}

    SegmentCheckParameters(String asOf, String days) {
        this.asOf = asOf;
        this.days = days;
    }

    LocalDate asOf(LocalDate today) {
        return IsoDate.Validator.or(asOf, today);
    }

    int days() {
        return WholeNumber.Validator.or(days, 30);
    }
}
