package app.resonance.followups.boundary;

import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.WholeNumber;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The query parameters of the segment trend and topic checks, validated by Bean Validation ({@code @Valid @BeanParam}). */
public class SegmentCheckParameters {

    @QueryParam("asOf")
    @ParameterDoc("The day to check (YYYY-MM-DD, default today)")
    @Day
    String asOf;

    @QueryParam("days")
    @ParameterDoc("The window in days (7 to 180; the topic check's default 30, the segment check's default: every"
            + " rule's own window; given: only the rules with this window)")
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

    /** The window given, null for none. */
    Integer window() {
        return days == null || days.isBlank() ? null : days();
    }
}
