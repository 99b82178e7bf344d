package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @Test
    void ordinaryTextInAnyScriptIsClean() {
        assertTrue(TextRules.isClean(""));
        assertTrue(TextRules.isClean("Sehr gut, danke! Größe: 10 €"));
        assertTrue(TextRules.isClean("日本語のテキスト"));
    }

    @Test
    void tabsAndLineBreaksAreAllowed() {
        assertTrue(TextRules.isClean("line one\nline two\r\nline three\tend"));
    }

    @Test
    void surrogatePairsAreAllowed() {
        assertTrue(TextRules.isClean("great \uD83D\uDE00 service"));
        assertTrue(TextRules.isClean("\uD83D\uDE00"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000",
                "a\u0000b",
                "\u0001",
                "bell\u0007",
                "\u000B",
                "\u000C",
                "esc\u001B[0m",
                "\u001F",
                "del\u007F"
            })
    void controlCharactersOtherThanTabAndLineBreaksAreRejected(String text) {
        assertFalse(TextRules.isClean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0080", "csi\u009B31m", "\u009F"})
    void c1ControlCharactersAreRejected(String text) {
        assertFalse(TextRules.isClean(text));
    }

    @Test
    void loneHighSurrogateAtTheEndIsRejected() {
        assertFalse(TextRules.isClean("abc\uD83D"));
    }

    @Test
    void highSurrogateFollowedByOrdinaryCharacterIsRejected() {
        assertFalse(TextRules.isClean("\uD83Dx"));
    }

    @Test
    void loneLowSurrogateIsRejected() {
        assertFalse(TextRules.isClean("\uDE00abc"));
        assertFalse(TextRules.isClean("ok\uDE00"));
    }

    @Test
    void reversedSurrogatePairIsRejected() {
        assertFalse(TextRules.isClean("\uDE00\uD83D"));
    }

    @Test
    void twoHighSurrogatesInARowAreRejected() {
        assertFalse(TextRules.isClean("\uD83D\uD83D\uDE00"));
    }
}
