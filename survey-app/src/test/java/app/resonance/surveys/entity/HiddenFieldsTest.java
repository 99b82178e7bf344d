package app.resonance.surveys.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiddenFieldsTest {

    @Test
    void onlyDeclaredNamesAreKeptWithTrimmedValuesAndEmptyOnesLeftOut() {
        Map<String, String> given = Map.of("source", "  newsletter ", "ticket_id", "   ", "utm_campaign", "spring");
        assertEquals(Map.of("source", "newsletter"), HiddenFields.accept(List.of("source", "ticket_id"), given::get));
    }

    @Test
    void longValuesAreCutTo200CharactersNeverInsideACharacter() {
        assertEquals("x".repeat(200), HiddenFields.clean("x".repeat(250)));
        String emoji = "x".repeat(199) + "\uD83D\uDE00" + "y";
        assertEquals("x".repeat(199), HiddenFields.clean(emoji), "half an emoji is dropped");
        assertEquals("a b", HiddenFields.clean("a\u0000b"), "control characters become spaces");
        assertNull(HiddenFields.clean(null));
    }

    @Test
    void hostileValuesSurviveEncodingUnchanged() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", "=HYPERLINK(\"http://evil.example\",\"click\")");
        values.put("ticket_id", "<script>alert('a&b=c')</script> ümlaut");
        String stored = HiddenFields.encode(values);
        assertEquals(values, HiddenFields.decode(stored));
        assertEquals(
                List.of("source", "ticket_id"),
                List.copyOf(HiddenFields.decode(stored).keySet()),
                "in order");
        assertNull(HiddenFields.encode(Map.of()));
        assertEquals(Map.of(), HiddenFields.decode(null));
    }

    @Test
    void declaredNamesAreReadInTheirOrder() {
        assertEquals(List.of("source", "ticket_id"), HiddenFields.names("source, ticket_id"));
        assertEquals(List.of(), HiddenFields.names(null));
    }
}
