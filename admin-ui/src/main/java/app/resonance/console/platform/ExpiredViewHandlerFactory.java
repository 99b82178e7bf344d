package app.resonance.console.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.ResourceBundle;
import org.primefaces.csp.CspException;

/**
 * A post whose view state is missing, expired (session timed out) or forged changes nothing: instead of
 * an error page, the console shows the same page again, freshly loaded, with a note to repeat the
 * action. A post that PrimeFaces refuses for its CSP nonce is treated the same way (see
 * {@link CspNonceCheck}). Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (expired(failure) instanceof ViewExpiredException expired) {
                    events.remove();
                    showAgain(expired.getViewId(), "console.viewExpired");
                } else if (app.resonance.platform.control.OutsideDataScopeException.causes(failure)
                        && FacesContext.getCurrentInstance().isPostback()
                        && FacesContext.getCurrentInstance().getCurrentPhaseId()
                                != jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
                    // an action of a user limited to some segments reached beyond them: said on the page, nothing
                    // done (a page opened with an address beyond them is the error page's 403)
                    events.remove();
                    FacesContext context = FacesContext.getCurrentInstance();
                    context.addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    Faces.messages().get("problem.outsideDataScope"),
                                    null));
                    context.validationFailed();
                    context.renderResponse();
                } else if (nonceRefused(failure)) {
                    // CspNonceCheck catches these first; any left (a nonce read later) is not a server error
                    events.remove();
                    FacesContext context = FacesContext.getCurrentInstance();
                    showAgain(
                            context.getViewRoot() == null
                                    ? null
                                    : context.getViewRoot().getViewId(),
                            "console.formUnchecked");
                }
            }
            getWrapped().handle();
        }

        static Throwable expired(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return cause;
                }
            }
            return failure;
        }

        static boolean nonceRefused(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof CspException) {
                    return true;
                }
            }
            return false;
        }

        /** Sends the browser to the page (a console page, else the start page) with the note of the key. */
        static void showAgain(String viewId, String noteKey) {
            FacesContext context = FacesContext.getCurrentInstance();
            if (context.getResponseComplete()) {
                return; // already sent back (CspNonceCheck): one redirect is enough
            }
            ExternalContext external = context.getExternalContext();
            String text = ResourceBundle.getBundle(
                            "app.resonance.console.msg",
                            CDI.current().select(ConsoleLanguage.class).get().getLocale())
                    .getString(noteKey);
            external.getFlash().setKeepMessages(true);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
            String page = viewId == null || !viewId.startsWith("/admin/") ? "/admin/index.xhtml" : viewId;
            try {
                external.redirect(external.getRequestContextPath() + page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
    }
}
