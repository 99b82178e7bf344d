package app.resonance.console.platform;

import jakarta.faces.application.ConfigurableNavigationHandler;
import jakarta.faces.application.ConfigurableNavigationHandlerWrapper;
import jakarta.faces.application.NavigationCase;
import jakarta.faces.application.NavigationHandler;
import jakarta.faces.context.FacesContext;

/**
 * Messages ("Saved.") outlive a request only when the action redirects (post-redirect-get): then they travel
 * in the flash to the page the browser loads next. An action that shows its page again keeps them out of the
 * flash, so that they are not shown a second time on the next page, and Faces does not try to set the flash
 * cookie after the page was sent (the warning "JSF1095: The response was already committed"). Registered in
 * faces-config.xml.
 */
public class RedirectKeepsMessages extends ConfigurableNavigationHandlerWrapper {

    public RedirectKeepsMessages(NavigationHandler wrapped) {
        super((ConfigurableNavigationHandler) wrapped);
    }

    @Override
    public void handleNavigation(FacesContext context, String fromAction, String outcome) {
        keepIfRedirect(context, fromAction, outcome);
        super.handleNavigation(context, fromAction, outcome);
    }

    @Override
    public void handleNavigation(FacesContext context, String fromAction, String outcome, String toFlowDocumentId) {
        keepIfRedirect(context, fromAction, outcome);
        super.handleNavigation(context, fromAction, outcome, toFlowDocumentId);
    }

    private void keepIfRedirect(FacesContext context, String fromAction, String outcome) {
        if (outcome == null || context.getMessageList().isEmpty()) {
            return;
        }
        NavigationCase next = getNavigationCase(context, fromAction, outcome);
        if (next != null && next.isRedirect()) {
            context.getExternalContext().getFlash().setKeepMessages(true);
        }
    }
}
