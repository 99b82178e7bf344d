package app.resonance.platform.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body as a JSON object; anything else is malformed input, never a server error. */
public final class JsonInput {

    private static final JsonProvider JSON = Jsonp.PROVIDER;

    private JsonInput() {}

    public static byte[] readAll(InputStream in) throws IOException {
        return in == null ? new byte[0] : in.readAllBytes();
    }

    /** The object, or empty when the bytes are not one well-formed JSON object. */
    public static Optional<JsonObject> object(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            // Malformed, truncated, too deeply nested or with numbers out of range: the client's input.
            return Optional.empty();
        }
    }
}
