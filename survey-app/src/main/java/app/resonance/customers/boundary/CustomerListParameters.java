package app.resonance.customers.boundary;

import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import jakarta.ws.rs.QueryParam;

/**
 * How a page of customers is sorted ({@code @BeanParam}, checked with Bean Validation; paged by
 * {@link app.resonance.platform.boundary.PageParameters}). The choices are the columns
 * {@link app.resonance.customers.control.CustomerDirectory#SORTABLE} whitelists.
 */
public class CustomerListParameters {

    @QueryParam("sort")
    @OneOf(values = {"createdAt", "externalId", "name", "plan", "region", "renewalDate"})
    @ParameterDoc("The field to sort by (default externalId)")
    String sort;

    @QueryParam("order")
    @OneOf(values = {"asc", "desc"})
    @ParameterDoc("asc (default) or desc")
    String order;

    public CustomerListParameters() {}

    CustomerListParameters(String sort, String order) {
        this.sort = sort;
        this.order = order;
    }

    String sort() {
        return sort == null || sort.isBlank() ? "externalId" : sort.strip();
    }

    boolean descending() {
        return order != null && order.strip().equals("desc");
    }
}
