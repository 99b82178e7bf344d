package app.resonance.platform.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * OPTIONS on an API address answers 204 No Content with the {@code Allow} header Jersey computed, and
 * nothing else: no WADL, no plain-text method list, whatever the client accepts.
 */
@Provider
public class OptionsAnswer implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(Response.Status.NO_CONTENT.getStatusCode());
        }
    }
}
