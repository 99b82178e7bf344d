package app.resonance.console.analytics;

import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A new trend marker as typed on the dashboard, checked by the same rules as the admin API's. */
public class MarkerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate date;
    private String label;
    private String description;

    List<FieldError> check(Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (date == null) {
            errors.add(messages.error("date", "markerDate"));
        }
        messages.checkText("label", label, true, TrendMarker.LABEL_MAX, errors);
        messages.checkText("description", description, false, TrendMarker.DESCRIPTION_MAX, errors);
        return errors;
    }

    String description() {
        return description == null || description.isBlank() ? null : description.strip();
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
