package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.StrictJson.Finding;
import app.resonance.platform.control.StrictJson.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    static Optional<Finding> check(String body) {
        return StrictJson.check(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanBodyPasses() {
        assertEquals(
                Optional.empty(), check("{\"answers\": {\"csat\": 4, \"text\": \"Grüße 😀\"}, \"tags\": [1, 2]}\n"));
        assertEquals(Optional.empty(), check("[{\"a\": 1}, {\"a\": 2}]"));
        assertEquals(Optional.empty(), check("  \"just a string\"  "));
    }

    @Test
    void malformedUtf8IsNamedWithItsByteOffsetInsteadOfBecomingAReplacementCharacter() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        assertEquals(Optional.of(new Finding(Violation.MALFORMED_UTF8, "6")), StrictJson.check(body));
        byte[] truncated = {'"', (byte) 0xE2, (byte) 0x82};
        assertEquals(
                Violation.MALFORMED_UTF8,
                StrictJson.check(truncated).orElseThrow().violation());
        byte[] encodedSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertEquals(
                Violation.MALFORMED_UTF8,
                StrictJson.check(encodedSurrogate).orElseThrow().violation());
    }

    @Test
    void aKeyTwiceInOneObjectIsNamedByItsPointer() {
        assertEquals(
                Optional.of(new Finding(Violation.DUPLICATE_KEY, "/answers/csat")),
                check("{\"answers\": {\"csat\": 5, \"csat\": 1}}"));
        assertEquals(
                Optional.of(new Finding(Violation.DUPLICATE_KEY, "/items/1/id")),
                check("{\"items\": [{\"id\": 1}, {\"id\": 2, \"id\": 3}]}"));
        assertEquals(Optional.of(new Finding(Violation.DUPLICATE_KEY, "/a~1b")), check("{\"a/b\": 1, \"a/b\": 2}"));
        assertEquals(Optional.empty(), check("{\"a\": {\"id\": 1}, \"b\": {\"id\": 1}}"), "same key, other objects");
    }

    @Test
    void dataAfterTheValueIsTrailingData() {
        assertEquals(Optional.of(new Finding(Violation.TRAILING_DATA, "11")), check("{\"csat\": 4}  {\"csat\": 1}"));
        assertEquals(
                Violation.TRAILING_DATA, check("{\"csat\": 4}x").orElseThrow().violation());
        assertEquals(Violation.TRAILING_DATA, check("[1] ]").orElseThrow().violation());
        assertEquals(Violation.TRAILING_DATA, check("4 5").orElseThrow().violation());
        assertEquals(Optional.empty(), check("{\"csat\": 4}\r\n\t "), "whitespace after the value is fine");
    }

    @Test
    void bodiesThatAreNotJsonAtAllAreLeftToTheResource() {
        assertEquals(Optional.empty(), check(""));
        assertEquals(Optional.empty(), check("{\"answers\": {\"csat\": "));
        assertEquals(Optional.empty(), check("[".repeat(100_000)));
    }

    @Test
    void onlyJsonBodiesAreCheckedAndOnlyUtf8IsAccepted() {
        assertTrue(StrictJson.isJson("application/json"));
        assertTrue(StrictJson.isJson("Application/JSON; charset=UTF-8"));
        assertTrue(StrictJson.isJson("application/merge-patch+json"));
        assertFalse(StrictJson.isJson("application/x-www-form-urlencoded"));
        assertFalse(StrictJson.isJson("multipart/form-data; boundary=x"));
        assertFalse(StrictJson.isJson("text/csv"));
        assertFalse(StrictJson.isJson(null));
        assertEquals(Optional.empty(), StrictJson.foreignCharset("application/json"));
        assertEquals(Optional.empty(), StrictJson.foreignCharset("application/json; charset=\"utf-8\""));
        assertEquals(Optional.empty(), StrictJson.foreignCharset("application/json;charset=UTF8"));
        assertEquals(Optional.of("ISO-8859-1"), StrictJson.foreignCharset("application/json; charset=ISO-8859-1"));
        assertEquals(Optional.of("utf-16"), StrictJson.foreignCharset("application/json; Charset=utf-16"));
    }
}
