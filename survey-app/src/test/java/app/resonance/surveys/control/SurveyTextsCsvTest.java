package app.resonance.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A survey's texts out to translators as CSV and back: every text a row, only what the file names changes. */
class SurveyTextsCsvTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    private static Texts fr(String de, String en, String fr) {
        return Texts.of(de, en).with("fr", fr);
    }

    private static SurveyDraft draft() {
        return new SurveyDraft(
                "support",
                "CUSTOM",
                false,
                fr("Ihr Support", "Your support", "Votre support"),
                null,
                List.of("de", "en", "fr"),
                "de",
                List.of(
                        new QuestionDraft(
                                "speed",
                                "RATING",
                                true,
                                fr("Wie schnell?", "How fast?", "Quelle rapidit\u00e9 ?"),
                                1,
                                5,
                                Texts.of("langsam", "slow"),
                                Texts.of("schnell", "fast"),
                                List.of(),
                                List.of(),
                                1,
                                null),
                        new QuestionDraft(
                                "channel",
                                "SINGLE_CHOICE",
                                false,
                                Texts.of("Wie?", "How?"),
                                null,
                                null,
                                null,
                                null,
                                List.of(
                                        new OptionDraft("phone", Texts.of("Telefon", "Phone")),
                                        new OptionDraft("other", Texts.of("-andere-", "=other"))),
                                List.of(),
                                1,
                                null),
                        new QuestionDraft(
                                "grid",
                                "MATRIX",
                                false,
                                Texts.of("Bewerten Sie", "Rate"),
                                null,
                                null,
                                null,
                                null,
                                List.of(new OptionDraft("good", Texts.of("gut", "good"))),
                                List.of(new OptionDraft("staff", Texts.of("Personal", "Staff"))),
                                2,
                                null)));
    }

    @Test
    void everyTextIsARowInTheOrderOfTheSurveyWithFormulasNeutralised() {
        String csv = SurveyTextsCsv.write(draft());
        assertTrue(csv.startsWith("\uFEFFkey,de,en,fr,it,es,nl,pl\r\n"), csv);
        List<String> keys =
                csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertEquals(
                List.of(
                        "title",
                        "intro",
                        "speed.text",
                        "speed.minLabel",
                        "speed.maxLabel",
                        "channel.text",
                        "channel.option.phone",
                        "channel.option.other",
                        "grid.text",
                        "grid.option.good",
                        "grid.row.staff"),
                keys);
        assertTrue(csv.contains("\r\ntitle,Ihr Support,Your support,Votre support,,,,\r\n"), csv);
        assertTrue(csv.contains("\r\nchannel.option.other,'-andere-,'=other,,,,,\r\n"), csv);
    }

    @Test
    void aFileReadBackUnchangedGivesTheSameDraft() {
        var read = SurveyTextsCsv.read(SurveyTextsCsv.write(draft()), draft(), EN);
        assertEquals(List.of(), read.errors());
        assertEquals(draft(), read.draft());
    }

    @Test
    void onlyTheFilesRowsAndLanguagesChangeAndAnEmptyCellRemovesAText() {
        String translated = "key;fr;pl\n"
                + "speed.text;Vite ?;Jak szybko?\n"
                + "channel.option.other;'=autre;\n"
                + "title;;Tw\u00f3j support\n";
        var read = SurveyTextsCsv.read(translated, draft(), EN);
        assertEquals(List.of(), read.errors());
        SurveyDraft d = read.draft();
        QuestionDraft speed = d.questions().get(0);
        assertEquals(new Texts("Wie schnell?", "How fast?", "Vite ?", null, null, null, "Jak szybko?"), speed.text());
        assertEquals(Texts.of("langsam", "slow"), speed.minLabel(), "rows the file leaves out stay");
        OptionDraft other = d.questions().get(1).options().get(1);
        assertEquals("=autre", other.label().fr(), "the export's apostrophe is taken off");
        assertEquals("=other", other.label().en());
        assertNull(d.title().fr(), "an empty cell removes the French title");
        assertEquals("Tw\u00f3j support", d.title().pl());
        assertEquals("Ihr Support", d.title().de());
    }

    @Test
    void everyBadRowAndColumnIsNamedAndNothingIsTaken() {
        var read = SurveyTextsCsv.read(
                "key,fr,pt\nnosuch.text,x,\nspeed.text,a,\nspeed.text,b,\ntitle," + "x".repeat(2001) + ",\n",
                draft(),
                EN);
        assertNull(read.draft());
        assertEquals(
                List.of("columns", "rows[2].key", "rows[4].key", "rows[5].fr"),
                read.errors().stream().map(FieldError::field).toList());
        assertEquals(
                "Row 2: this survey has no text with the key \u201cnosuch.text\u201d (export the texts for the keys).",
                read.errors().get(1).message());
        var noKey = SurveyTextsCsv.read("text,fr\nspeed.text,a\n", draft(), Messages.of(Locale.GERMAN));
        assertEquals(
                List.of("columns", "columns"),
                noKey.errors().stream().map(FieldError::field).toList());
        assertTrue(noKey.errors().get(1).message().startsWith("Die erste Zeile nennt die Spalten"), noKey.toString());
        var unreadable = SurveyTextsCsv.read("key,fr\n\"speed.text,a\n", draft(), EN);
        assertEquals(
                List.of("csv"),
                unreadable.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theDesignerCountsPerOfferedLanguageTheTextsThatLackIt() {
        // 11 keys, the intro absent in every language: 10 texts; French only in the title and the first question
        assertEquals(10, SurveyTextsCsv.count(draft()));
        assertEquals(java.util.Map.of("de", 0L, "en", 0L, "fr", 8L), SurveyTextsCsv.missing(draft()));
        assertEquals(
                List.of("de", "en", "fr"),
                List.copyOf(SurveyTextsCsv.missing(draft()).keySet()));
    }
}
