package app.resonance.console.platform;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Small helpers for console beans: texts from the msg bundle, messages for the page and its fields. */
public final class Faces {

    private static final String BUNDLE = "app.resonance.console.msg";

    private Faces() {}

    /**
     * The console's language as the user chose it. The view's own locale is not set yet while a page's
     * view action runs (it is still the browser's), so texts made there would come out in the wrong language.
     */
    public static Locale locale() {
        var language = jakarta.enterprise.inject.spi.CDI.current().select(ConsoleLanguage.class);
        return language.isResolvable()
                ? language.get().getLocale()
                : FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** The console's texts ({@code msg}) in the language the user chose. */
    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle(
                BUNDLE,
                locale(),
                Thread.currentThread().getContextClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** The bundle's text for the key, or the fallback where the bundle has none (a value nobody translated yet). */
    public static String textOr(String key, String fallback) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** A language's name in the console's language ("Französisch", "French"), for menus and lists. */
    /** "key: text" for a question menu, the text cut after 24 characters so that the choice fits a phone. */
    public static String questionLabel(String key, String text) {
        String shown = text.length() > 24 ? text.substring(0, 24).strip() + "…" : text;
        return key + ": " + shown;
    }

    public static String languageName(String code) {
        Locale console = locale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(console);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(console) + name.substring(1);
    }

    /** survey-app's messages (field errors, problem texts) in the console's language. */
    public static Messages messages() {
        return Messages.of(locale());
    }

    public static String text(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** The console's context path ("" at the root). */
    public static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public static void info(String key, Object... args) {
        // kept across a redirect (post-redirect-get) by RedirectKeepsMessages, and only then
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public static void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** An error shown next to one field (its client id), in words already made. */
    public static void errorAt(String clientId, String message) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
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
