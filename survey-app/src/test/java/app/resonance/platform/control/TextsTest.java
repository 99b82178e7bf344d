package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.entity.LocalizedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Texts in seven languages: stored with the further languages in one JSON value, read back, edited in de/en. */
class TextsTest {

    @Test
    void theFurtherLanguagesSurviveTheEntityAndAreReadInTheirLanguage() {
        Texts texts = new Texts("Danke", "Thanks", "Merci", null, " ", "Bedankt", "Dziękujemy „x”");
        LocalizedText stored = texts.toEntity();
        assertEquals(Map.of("fr", "Merci", "nl", "Bedankt", "pl", "Dziękujemy „x”"), stored.others());
        assertEquals(new Texts("Danke", "Thanks", "Merci", null, null, "Bedankt", "Dziękujemy „x”"), Texts.of(stored));
        assertEquals("Merci", stored.in("fr"));
        assertEquals("Dziękujemy „x”", stored.exactly("pl"));
        assertEquals("Thanks", stored.in("it"), "a missing language falls back to English");
        assertNull(stored.exactly("it"));
        assertEquals("Danke", new LocalizedText("Danke", null).in("fr"), "then to German");
    }

    @Test
    void theDesignerEditsGermanAndEnglishAndKeepsTheOthers() {
        Texts kept = new Texts("Alt", "Old", "Ancien", "Vecchio", "Viejo", "Oud", "Stary");
        assertEquals(
                new Texts("Neu", "New", "Ancien", "Vecchio", "Viejo", "Oud", "Stary"),
                Texts.edited(kept, "Neu", "New"));
        assertEquals(Texts.of("Neu", null), Texts.edited(null, "Neu", null));
        assertNull(Texts.edited(null, " ", null));
    }
}
