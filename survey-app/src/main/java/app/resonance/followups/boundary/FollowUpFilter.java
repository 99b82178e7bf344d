package app.resonance.followups.boundary;

import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/**
 * The filter of the follow-up list as query parameters, validated by Bean Validation ({@code @Valid
 * @BeanParam}); whether the assignee and the customer exist is checked by the resource.
 */
public class FollowUpFilter {

    @QueryParam("status")
    @ParameterDoc("Only tasks in this status")
    @OneOf(type = FollowUpStatus.class)
    String status;

    @QueryParam("assignee")
    @ParameterDoc("Only tasks assigned to this user (username)")
    String assignee;

    @QueryParam("customer")
    @ParameterDoc("Only tasks of this customer (external id)")
    String customer;

    @QueryParam("overdue")
    @ParameterDoc("true: only tasks past their due date")
    @OneOf(
            values = {"true", "false"},
            message = "{error.expectedBoolean}")
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
