package app.resonance.console.platform;

import app.resonance.platform.boundary.ErrorPageServlet;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The console's language for this session: German or English, first from the browser, then by choice. */
@Named("language")
@SessionScoped
public class ConsoleLanguage implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    public String getCode() {
        if (code == null) {
            Locale browser =
                    FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            code = browser != null && "de".equals(browser.getLanguage()) ? "de" : "en";
            remember();
        }
        return code;
    }

    public void setCode(String code) {
        this.code = "de".equals(code) ? "de" : "en";
        remember();
    }

    /** Tells the console's error pages (403, 404), which Faces does not render, which language to speak. */
    private void remember() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.getExternalContext().getSessionMap().put(ErrorPageServlet.CONSOLE_LANGUAGE, code);
        }
    }

    /** Switches the language and shows the same page again. */
    public String change(String newCode) {
        setCode(newCode);
        FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }
}
