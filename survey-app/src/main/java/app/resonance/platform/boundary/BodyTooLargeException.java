package app.resonance.platform.boundary;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
