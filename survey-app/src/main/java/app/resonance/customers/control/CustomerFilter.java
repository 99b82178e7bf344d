package app.resonance.customers.control;

/** What the customer list shows: a text in external id, name or email, and exact plan and region. */
public record CustomerFilter(String text, String plan, String region) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null);

    public CustomerFilter {
        text = blankToNull(text);
        plan = blankToNull(plan);
        region = blankToNull(region);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
