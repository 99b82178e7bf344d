package app.resonance.platform.boundary;

import jakarta.ws.rs.QueryParam;

/**
 * The paging query parameters of a list ({@code offset}, {@code limit} up to 500, default 50), taken with
 * {@code @Valid @BeanParam}: a violation is a 400 naming the parameter ({@link ParameterViolations}). A class
 * with fields, not a record: Jersey injects a bean parameter's fields after constructing it.
 */
public class PageParameters {

    public static final int MAX_LIMIT = 500;

    @QueryParam("offset")
    @ParameterDoc("Entries to skip (default 0)")
    @WholeNumber(min = 0)
    String offset;

    @QueryParam("limit")
    @ParameterDoc("Entries to answer (1 to 500, default 50)")
    @WholeNumber(min = 1, max = MAX_LIMIT)
    String limit;

    public PageParameters() {}

    public PageParameters(String offset, String limit) {
        this.offset = offset;
        this.limit = limit;
    }

    public int offset() {
        return WholeNumber.Check.of(offset, 0);
    }

    public int limit() {
        return WholeNumber.Check.of(limit, 50);
    }
}
