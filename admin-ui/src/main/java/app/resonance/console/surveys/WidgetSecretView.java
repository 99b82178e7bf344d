package app.resonance.console.surveys;

import app.resonance.console.followups.ConsoleTime;
import app.resonance.console.platform.Faces;
import app.resonance.responses.control.WidgetSecrets;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * The identified widget's secret on the designer page: whether the survey has one and since when, create or rotate it
 * (the new secret is shown once, on this page only) and remove it. ADMIN only, like the page.
 */
@Named
@ViewScoped
public class WidgetSecretView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WidgetSecrets secrets;

    @Inject
    transient SurveyCatalog catalog;

    private String issued;

    @Inject
    transient ConsoleTime time;

    /** Whether the survey has a secret. */
    public boolean configured(String slug) {
        return createdAt(slug) != null;
    }

    /** "No secret yet" or since when it is in use, in the console's time zone. */
    public String state(String slug) {
        Instant at = createdAt(slug);
        return at == null
                ? Faces.text("widgetSecret.none")
                : Faces.text("widgetSecret.since", time.format(at), time.zone());
    }

    private Instant createdAt(String slug) {
        return survey(slug).flatMap(s -> secrets.createdAt(s.id())).orElse(null);
    }

    public void rotate(String slug) {
        survey(slug).ifPresent(s -> {
            issued = secrets.rotate(s).secret();
            Faces.info("widgetSecret.issued");
        });
    }

    public void remove(String slug) {
        survey(slug).ifPresent(s -> {
            secrets.remove(s);
            issued = null;
            Faces.info("widgetSecret.removed");
        });
    }

    /** The secret just created, shown once. */
    public String getIssued() {
        return issued;
    }

    private java.util.Optional<Survey> survey(String slug) {
        return slug == null ? java.util.Optional.empty() : catalog.bySlug(slug);
    }
}
