package app.resonance.platform.boundary;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each bad field, so a client can show the message
 * next to it.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    private static final JsonProvider JSON = Jsonp.PROVIDER;

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:resonance:problem:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public static Problem typed(String type, int status, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type, title, status, detail, errors);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            var array = JSON.createArrayBuilder();
            for (FieldError error : errors) {
                array.add(JSON.createObjectBuilder()
                        .add("field", error.field())
                        .add("code", error.code())
                        .add("message", error.message()));
            }
            json.add("errors", array);
        }
        return json.build();
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson().toString())
                .build();
    }
}
