package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one check behind the label, note and name fields of the console and the admin API. */
class MessagesCheckTextTest {

    private static List<FieldError> check(Locale locale, String value, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        Messages.of(locale).checkText("label", value, required, 10, errors);
        return errors;
    }

    @Test
    void aMissingRequiredTextIsNamedAndAnOptionalOneIsFine() {
        assertEquals(
                List.of(new FieldError("label", "required", "Please answer this.")),
                check(Locale.ENGLISH, "   ", true));
        assertTrue(check(Locale.ENGLISH, null, false).isEmpty());
        assertTrue(check(Locale.ENGLISH, "", false).isEmpty());
    }

    @Test
    void aTooLongTextSaysTheLimitInTheUsersLanguage() {
        assertEquals(
                List.of(new FieldError("label", "tooLong", "Höchstens 10 Zeichen.")),
                check(Locale.GERMAN, "elf Zeichen", true));
        assertEquals(
                "At most 10 characters.",
                check(Locale.ENGLISH, "x".repeat(11), false).get(0).message());
        assertTrue(check(Locale.ENGLISH, "x".repeat(10), true).isEmpty());
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        assertEquals(
                "badCharacters", check(Locale.ENGLISH, "a\u0000b", true).get(0).code());
        assertEquals(
                "badCharacters", check(Locale.ENGLISH, "a\uD800b", false).get(0).code());
        assertEquals(1, check(Locale.ENGLISH, "a\u0007b", true).size());
    }
}
