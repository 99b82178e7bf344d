package app.resonance.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A name typed at a failed login is kept as typed, but as one inert line. */
class AuditLogTypedTest {

    @Test
    void controlCharactersBackslashesAndLoneSurrogatesAreWrittenAsEscapes() {
        assertEquals("admin", AuditLog.typed("admin"));
        assertEquals(
                "<script>alert(1)</script>",
                AuditLog.typed("<script>alert(1)</script>"),
                "HTML is escaped by the reader");
        assertEquals("eve\\u000aadmin logged in", AuditLog.typed("eve\nadmin logged in"));
        assertEquals("a\\u005cu000ab", AuditLog.typed("a\\u000ab"), "a typed escape stays distinguishable");
        assertEquals("x\\ud800y", AuditLog.typed("x\ud800y"));
        assertEquals("Jürgen 😀", AuditLog.typed("Jürgen 😀"));
        assertEquals("", AuditLog.typed(null));
    }
}
