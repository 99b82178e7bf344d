package app.resonance.followups.boundary;

import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.WholeNumber;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The query parameters of the segment decline check, validated by Bean Validation ({@code @Valid @BeanParam}). */
public class SegmentCheckParameters {

    @QueryParam("asOf")
    @ParameterDoc("The day to check (YYYY-MM-DD, default today)")
    @Day
    String asOf;

    @QueryParam("days")
    @ParameterDoc("The window in days (7 to 180, default 30)")
    @WholeNumber(min = 7, max = 180)
    String days;

    public SegmentCheckParameters() {}

    SegmentCheckParameters(String asOf, String days) {
        this.asOf = asOf;
        this.days = days;
    }

    LocalDate asOf(LocalDate today) {
        return Day.Check.of(asOf, today);
    }

    int days() {
        return WholeNumber.Check.of(days, 30);
    }
}
