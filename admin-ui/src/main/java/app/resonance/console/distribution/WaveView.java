package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Waves;
import app.resonance.distribution.control.RespondentMix;
import app.resonance.distribution.control.WaveStats;
import app.resonance.distribution.control.WhoAnswered;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who answered one invitation wave ({@code /admin/manage/wave.xhtml?slug=…&wave=…}): per plan, region and
 * lifecycle stage the customers the mail reached and those who answered, and whether answering depended on it
 * (chi-square), in words.
 */
@Named
@ViewScoped
public class WaveView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    transient WaveStats stats;

    @Inject
    transient WhoAnswered whoAnswered;

    private String slug;
    private Long wave;
    private transient List<RespondentMix> mixes;
    private transient Optional<WaveStats.Wave> figures;

    public List<RespondentMix> getMixes() {
        if (mixes == null) {
            Optional<Survey> survey = survey();
            mixes = survey.isEmpty() || wave == null
                    ? List.of()
                    : whoAnswered.of(survey.get().id(), wave).orElse(List.of());
        }
        return mixes;
    }

    /** The wave's own figures (audience, when, sent, answered), empty when there is no such wave. */
    public WaveStats.Wave getFigures() {
        if (figures == null) {
            figures = survey().flatMap(s -> stats.of(s).stream()
                    .filter(w -> wave != null && w.id() == wave)
                    .findFirst());
        }
        return figures.orElse(null);
    }

    public String getAudience() {
        return getFigures() == null ? "" : Waves.audience(getFigures().audience());
    }

    public String dimension(RespondentMix mix) {
        return Faces.text("whoAnswered.dimension." + mix.dimension());
    }

    public String value(RespondentMix.Group group) {
        return group.value() == null ? Faces.text("whoAnswered.notSet") : group.value();
    }

    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** The test in words, with its figures: "Skewed: answering depended on the plan (chi-square 7.62, …)". */
    public String verdict(RespondentMix mix) {
        String dimension = Faces.text("whoAnswered.of." + mix.dimension());
        if (mix.pValue() == null) {
            return Faces.text("whoAnswered.verdict.nothing", dimension);
        }
        NumberFormat two = NumberFormat.getNumberInstance(Faces.locale());
        two.setMaximumFractionDigits(2);
        two.setMinimumFractionDigits(2);
        NumberFormat three = NumberFormat.getNumberInstance(Faces.locale());
        three.setMaximumFractionDigits(3);
        three.setMinimumFractionDigits(3);
        String p = mix.pValue() < 0.001 ? "< " + three.format(0.001) : three.format(mix.pValue());
        return Faces.text(
                "whoAnswered.verdict." + mix.verdict().name(),
                dimension,
                two.format(mix.chiSquare()),
                mix.degreesOfFreedom(),
                p);
    }

    public String verdictClass(RespondentMix mix) {
        return (mix.verdict() == RespondentMix.Verdict.SKEWED ? "significant" : "not-significant") + " verdict verdict-"
                + mix.verdict().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Survey> survey() {
        return slug == null ? Optional.empty() : catalog.bySlug(slug);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Long getWave() {
        return wave;
    }

    public void setWave(Long wave) {
        this.wave = wave;
    }
}
