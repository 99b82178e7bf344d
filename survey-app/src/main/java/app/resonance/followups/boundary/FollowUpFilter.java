package app.resonance.followups.boundary;

import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.boundary.OneOf;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/**
 * The filter of the follow-up list as query parameters, validated by Bean Validation ({@code @Valid
 * @BeanParam}); whether the assignee and the customer exist is checked by the resource.
 */
public class FollowUpFilter {

    @QueryParam("status")
    @OneOf(
            value = {"OPEN", "IN_PROGRESS", "DONE", "CANCELLED"},
            ignoreCase = true)
    String status;

    @QueryParam("assignee")
    String assignee;

    @QueryParam("customer")
    String customer;

    @QueryParam("overdue")
    @OneOf(
            value = {"true", "false"},
            message = "expectedBoolean")
    String overdue;

    public FollowUpFilter() {}

    FollowUpFilter(String status, String assignee, String customer, String overdue) {
        this.status = status;
        this.assignee = assignee;
        this.customer = customer;
        this.overdue = overdue;
    }

    FollowUpStatus status() {
        return status == null ? null : FollowUpStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    String assignee() {
        return assignee;
    }

    String customer() {
        return customer;
    }

    boolean overdueOnly() {
        return "true".equals(overdue);
    }
}
