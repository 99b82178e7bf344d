package app.resonance.console.platform;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/** Small helpers for console beans: texts from the msg bundle, messages for the page and its fields. */
public final class Faces {

    private Faces() {}

    public static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** survey-app's messages (field errors, problem texts) in the console's language. */
    public static Messages messages() {
        return Messages.of(locale());
    }

    public static String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern =
                context.getApplication().getResourceBundle(context, "msg").getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    public static void info(String key, Object... args) {
        // kept across a redirect (post-redirect-get)
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public static void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * Shows field errors: next to the field whose client id ends with the error's field name (as the
     * page names its inputs), otherwise at the top of the page.
     */
    public static void fieldErrors(String formId, List<FieldError> errors) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : errors) {
            String field = error.field().replaceAll("[^A-Za-z0-9_]", "_");
            String clientId = formId + ":" + field;
            boolean known;
            try {
                known = context.getViewRoot().findComponent(":" + clientId) != null;
            } catch (IllegalArgumentException e) {
                known = false;
            }
            FacesMessage message = new FacesMessage(
                    FacesMessage.SEVERITY_ERROR,
                    known ? error.message() : error.field() + ": " + error.message(),
                    null);
            context.addMessage(known ? clientId : null, message);
        }
        context.validationFailed();
    }
}
