package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Topic;
import app.resonance.analytics.control.Topics;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Comment topics as the admin API takes and answers them (records, JSON-B). */
public final class TopicJson {

    private TopicJson() {}

    @Schema(
            name = "TopicRequest",
            description = "A comment topic: its name and its keywords and phrases in German and English. A keyword is"
                    + " one word, found in all its forms (and in German inside compound words); a phrase is words"
                    + " found in this order. At least one keyword in either language.")
    public record Request(
            @Schema(required = true, maxLength = Topics.NAME_LENGTH)
            String nameDe,

            @Schema(required = true, maxLength = Topics.NAME_LENGTH)
            String nameEn,

            @Schema(
                    description = "German keywords, at most 30 of at most 60 characters",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> keywordsDe,

            @Schema(
                    description = "English keywords, at most 30 of at most 60 characters",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> keywordsEn,

            @Schema(
                    description = "German phrases, at most 30 of at most 60 characters",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> phrasesDe,

            @Schema(
                    description = "English phrases, at most 30 of at most 60 characters",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> phrasesEn,

            @Schema(description = "A disabled topic tags no comment (default true)")
            Boolean enabled) {

        Topics.Draft draft() {
            return new Topics.Draft(nameDe, nameEn, keywordsDe, keywordsEn, phrasesDe, phrasesEn, enabled);
        }
    }

    @Schema(
            name = "Topic",
            description = "A comment topic; its key names it in the comment and response filters (theme, topic)")
    @JsonbPropertyOrder({
        "id",
        "key",
        "nameDe",
        "nameEn",
        "keywordsDe",
        "keywordsEn",
        "phrasesDe",
        "phrasesEn",
        "enabled",
        "builtIn"
    })
    public record TopicView(
            long id,
            String key,
            String nameDe,
            String nameEn,
            List<String> keywordsDe,
            List<String> keywordsEn,
            List<String> phrasesDe,
            List<String> phrasesEn,
            boolean enabled,

            @Schema(description = "A default topic (one of the former fixed themes): editable, not removable")
            boolean builtIn) {

        static TopicView of(Topic t) {
            return new TopicView(
                    t.id(),
                    t.key(),
                    t.nameDe(),
                    t.nameEn(),
                    t.keywordsDe(),
                    t.keywordsEn(),
                    t.phrasesDe(),
                    t.phrasesEn(),
                    t.enabled(),
                    t.builtIn());
        }
    }
}
