package app.resonance.console.platform;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A console post must carry the CSP nonce of the page it came from ({@code primefaces.nonce}, which
 * PrimeFaces' script adds to every form). PrimeFaces checks it only while rendering the answer and then
 * fails with a 500 ({@code CspException}); a script that posts the login form without it, or with a
 * wrong one, got that 500. This check runs right after the view is restored, before any input is read
 * or any action runs: a post without the page's nonce changes nothing and is sent back to the same page
 * (for the login: the login page) with a note to try again. Registered in faces-config.xml.
 */
public class CspNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CspNonceCheck.class.getName());

    /** The request parameter and view map key PrimeFaces uses for the nonce. */
    static final String NONCE = "primefaces.nonce";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // the view is not there yet
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (view == null
                || context.getResponseComplete()
                || !context.isPostback()
                || context.getExceptionHandler()
                        .getUnhandledExceptionQueuedEvents()
                        .iterator()
                        .hasNext()) {
            // nothing restored (a missing or forged view state): ExpiredViewHandlerFactory shows the page again
            return;
        }
        Map<String, Object> viewMap = view.getViewMap(false);
        Object expected = viewMap == null ? null : viewMap.get(NONCE);
        String given = context.getExternalContext().getRequestParameterMap().get(NONCE);
        if (!accepted(expected instanceof String nonce ? nonce : null, given)) {
            LOG.warning(() -> "Refused a console post without the page's CSP nonce to " + view.getViewId());
            ExpiredViewHandlerFactory.Handler.showAgain(view.getViewId(), "console.formUnchecked");
        }
    }

    /**
     * Whether a post's nonce is good: the page's own if the page has one, otherwise (a page that was
     * rendered without one) at least one in PrimeFaces' form, so that PrimeFaces does not fail on it.
     */
    static boolean accepted(String expected, String given) {
        if (expected != null) {
            return expected.equals(given);
        }
        return wellFormed(given);
    }

    static boolean wellFormed(String nonce) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > 100) {
            return false;
        }
        try {
            UUID.fromString(new String(Base64.getDecoder().decode(nonce), StandardCharsets.UTF_8));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
