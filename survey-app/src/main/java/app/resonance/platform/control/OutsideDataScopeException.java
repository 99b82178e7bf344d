package app.resonance.platform.control;

/**
 * A limited user ({@link DataScope}) asked for data outside their segments: a 403 problem naming the field (the
 * segment asked for, or what the endpoint would show). Records outside the limit are answered as not found instead,
 * so that their existence does not leak.
 */
public class OutsideDataScopeException extends RuntimeException {

    private final String field;

    public OutsideDataScopeException(String field) {
        super("outside the data scope: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
