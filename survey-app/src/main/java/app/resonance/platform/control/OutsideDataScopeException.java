package app.resonance.platform.control;

/**
 * A limited user ({@link DataScope}) asked for data outside their segments: a 403 problem naming the field (the
 * segment asked for, or what the endpoint would show). Records outside the limit are answered as not found instead,
 * so that their existence does not leak.
 */
public class OutsideDataScopeException extends RuntimeException {

    /** Set on a request a filter refused for the data scope, so that the error page says why (not "your role"). */
    public static final String REFUSED = "resonance.outsideDataScope";

    private final String field;

    public OutsideDataScopeException(String field) {
        super("outside the data scope: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Whether this refusal is among a failure's causes (a container or Faces wraps it on its way to an error page). */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutsideDataScopeException) {
                return true;
            }
        }
        return false;
    }
}
