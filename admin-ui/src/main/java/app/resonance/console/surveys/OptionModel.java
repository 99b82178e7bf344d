package app.resonance.console.surveys;

import java.io.Serializable;

/** A choice, a matrix column or a matrix row. */
public class OptionModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private String labelDe;
    private String labelEn;
    /** The label as loaded, so that a save keeps its languages besides German and English. */
    app.resonance.platform.control.Texts labelKept;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getLabelDe() {
        return labelDe;
    }

    public void setLabelDe(String labelDe) {
        this.labelDe = labelDe;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    String label(String language) {
        return "de".equals(language) ? labelDe : labelEn;
    }
}
