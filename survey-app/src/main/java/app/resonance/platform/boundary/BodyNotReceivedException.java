package app.resonance.platform.boundary;

import java.io.IOException;

/**
 * The request body did not arrive: the client stopped sending before the declared length (the listener's read
 * timeout, 5 s, ran out) or went away. Answered 408, never 500.
 */
public class BodyNotReceivedException extends IOException {
    public BodyNotReceivedException(IOException cause) {
        super("Request body not received", cause);
    }
}
