package app.resonance.console.comments;

import app.resonance.analytics.control.Topic;
import app.resonance.analytics.control.Topics;
import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.platform.control.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The comment topics (ADMIN, {@code /admin/manage/topics}): the list with each topic's keywords and phrases per
 * language; one form to add a topic or change the one chosen (also a default one); disabling, removing a custom
 * one. The checks are {@link Topics}', as in the API; a change tags the comments from the next page view on.
 */
@Named
@ViewScoped
public class TopicsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Topics topics;

    @Inject
    CurrentUser currentUser;

    private Long editing;
    private String nameDe;
    private String nameEn;
    private String keywordsDe;
    private String keywordsEn;
    private String phrasesDe;
    private String phrasesEn;
    private boolean enabled = true;

    /** Read once per request (the table asks several times); null after a change. */
    private transient List<Topic> list;

    public List<Topic> getTopics() {
        if (list == null) {
            list = topics.all();
        }
        return list;
    }

    public void save() {
        if (!currentUser.isAdmin()) {
            return;
        }
        var draft = new Topics.Draft(
                nameDe, nameEn, words(keywordsDe), words(keywordsEn), words(phrasesDe), words(phrasesEn), enabled);
        List<FieldError> errors = Topics.validate(draft, Faces.messages()).stream()
                .map(e -> e.field().equals("keywords") ? new FieldError("keywordsDe", e.code(), e.message()) : e)
                .toList();
        if (!errors.isEmpty()) {
            Faces.fieldErrors("edit", errors);
            return;
        }
        if (editing == null) {
            topics.create(draft);
            Faces.info("topics.created", nameEn.strip());
        } else {
            topics.update(editing, draft);
            Faces.info("topics.saved", name(draft));
        }
        list = null;
        clear();
    }

    public void edit(Topic t) {
        editing = t.id();
        nameDe = t.nameDe();
        nameEn = t.nameEn();
        keywordsDe = String.join(", ", t.keywordsDe());
        keywordsEn = String.join(", ", t.keywordsEn());
        phrasesDe = String.join(", ", t.phrasesDe());
        phrasesEn = String.join(", ", t.phrasesEn());
        enabled = t.enabled();
    }

    public void clear() {
        editing = null;
        nameDe = null;
        nameEn = null;
        keywordsDe = null;
        keywordsEn = null;
        phrasesDe = null;
        phrasesEn = null;
        enabled = true;
    }

    public void delete(Topic t) {
        if (currentUser.isAdmin() && !t.builtIn() && topics.delete(t.id())) {
            list = null;
            Faces.info("topics.deleted", t.name(Faces.locale()));
        }
    }

    /** The topic's name in the console's language. */
    public String name(Topic t) {
        return t.name(Faces.locale());
    }

    /** Keywords and phrases of one language, phrases in quotes. */
    public String words(List<String> keywords, List<String> phrases) {
        List<String> all = new java.util.ArrayList<>(keywords);
        phrases.forEach(p -> all.add("\u201e" + p + "\u201c"));
        return all.isEmpty() ? "–" : String.join(", ", all);
    }

    private String name(Topics.Draft draft) {
        return "de".equals(Faces.locale().getLanguage())
                ? draft.nameDe().strip()
                : draft.nameEn().strip();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getNameDe() {
        return nameDe;
    }

    public void setNameDe(String nameDe) {
        this.nameDe = nameDe;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getKeywordsDe() {
        return keywordsDe;
    }

    public void setKeywordsDe(String keywordsDe) {
        this.keywordsDe = keywordsDe;
    }

    public String getKeywordsEn() {
        return keywordsEn;
    }

    public void setKeywordsEn(String keywordsEn) {
        this.keywordsEn = keywordsEn;
    }

    public String getPhrasesDe() {
        return phrasesDe;
    }

    public void setPhrasesDe(String phrasesDe) {
        this.phrasesDe = phrasesDe;
    }

    public String getPhrasesEn() {
        return phrasesEn;
    }

    public void setPhrasesEn(String phrasesEn) {
        this.phrasesEn = phrasesEn;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
