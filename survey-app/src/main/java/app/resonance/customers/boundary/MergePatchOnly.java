package app.resonance.customers.boundary;

import app.resonance.customers.control.CustomerMergePatch;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PATCH of a customer in another media type than {@code application/merge-patch+json} is 415 saying which
 * one to send (with Accept-Patch, RFC 5789), rather than the framework's answer that asks for
 * application/json: a plain JSON body would read the same but mean a replacement to some clients.
 */
@Provider
@PreMatching
public class MergePatchOnly implements ContainerRequestFilter {

    static final Pattern CUSTOMER = Pattern.compile("/?admin/customers/[^/]+/?");

    static final MediaType MERGE_PATCH = MediaType.valueOf(CustomerMergePatch.MEDIA_TYPE);

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"PATCH".equals(request.getMethod())
                || !CUSTOMER.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        MediaType sent = request.getMediaType();
        if (sent != null
                && sent.getType().equalsIgnoreCase(MERGE_PATCH.getType())
                && sent.getSubtype().equalsIgnoreCase(MERGE_PATCH.getSubtype())) {
            return;
        }
        Response problem = new ProblemException(
                        "unsupported-media-type", 415, "Unsupported Media Type", "problem.mergePatchOnly", List.of())
                .problem(RequestLanguage.messages(headers))
                .toResponse();
        request.abortWith(Response.fromResponse(problem)
                .header("Accept-Patch", CustomerMergePatch.MEDIA_TYPE)
                .build());
    }
}
