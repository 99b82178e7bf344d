package app.resonance.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The audit log's details column reads in the reader's language, not in the writer's English. */
class AuditDetailTest {

    private static final Messages GERMAN = Messages.of(Locale.GERMAN);
    private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);

    @Test
    void anImportReadsInGermanForAGermanReaderAndInEnglishForAnEnglishOne() {
        String stored = AuditDetail.store(List.of(AuditDetail.of("imported", 1, 1)), 2000);
        assertEquals("1 angelegt, 1 geändert", AuditDetail.render(stored, GERMAN));
        assertEquals("1 created, 1 updated", AuditDetail.render(stored, ENGLISH));
    }

    @Test
    void valuesThatAreTextsAreTranslatedTooNotShownAsConstants() {
        String kind = AuditDetail.store(List.of(AuditDetail.of("kind", AuditDetail.text("kind", "CUSTOM"))), 2000);
        assertEquals("Art eigene", AuditDetail.render(kind, GERMAN));
        String roles = AuditDetail.store(
                List.of(
                        AuditDetail.of("name"),
                        AuditDetail.of(
                                "roleChanged", AuditDetail.text("role", "VIEWER"), AuditDetail.text("role", "ADMIN"))),
                2000);
        assertEquals("Name geändert; Rolle Betrachter → Admin", AuditDetail.render(roles, GERMAN));
        assertEquals("name changed; role Viewer → Admin", AuditDetail.render(roles, ENGLISH));
    }

    @Test
    void whatARespondentOrAdminTypedIsShownAsTypedAndAMissingValueAsADash() {
        String stored = AuditDetail.store(
                List.of(AuditDetail.of("rule", "plan", AuditDetail.text("operator", "EQUALS"), "{0} 'x' <b>")), 2000);
        assertEquals("plan ist gleich {0} 'x' <b>", AuditDetail.render(stored, GERMAN));
        String settings = AuditDetail.store(
                List.of(AuditDetail.of(
                        "surveySettings", null, null, null, AuditDetail.text("policy", "SINGLE_ANSWER"), null)),
                2000);
        assertEquals(
                "öffnet —, schließt —, höchstens — Antworten, eine Antwort pro Person, erlaubte Websites —",
                AuditDetail.render(settings, GERMAN));
    }

    @Test
    void entriesWrittenBeforeDetailsWereDataAreShownAsWritten() {
        assertEquals("kind CUSTOM", AuditDetail.render("kind CUSTOM", GERMAN));
        assertEquals("[not json", AuditDetail.render("[not json", GERMAN));
        assertEquals("", AuditDetail.render(null, GERMAN));
    }

    @Test
    void detailsThatDoNotFitTheColumnAreLeftOutWholeSoThatTheRestStillReads() {
        List<AuditDetail> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rules.add(AuditDetail.of("rule", "attribute" + i, AuditDetail.text("operator", "EQUALS"), "value" + i));
        }
        String stored = AuditDetail.store(rules, 2000);
        assertTrue(stored.length() <= 2000, stored.length() + " characters");
        String german = AuditDetail.render(stored, GERMAN);
        assertTrue(german.startsWith("attribute0 ist gleich value0; attribute1 ist gleich value1"), german);
        assertFalse(german.contains("{"), german);
        assertNull(AuditDetail.store(List.of(), 2000));
    }

    /** Every sentence and value the code writes exists in both languages (a missing one would show its key). */
    @Test
    void everyDetailTextExistsInGermanAndEnglish() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        List<String> keys = english.stringPropertyNames().stream()
                .filter(k -> k.startsWith(AuditDetail.SENTENCE) || k.startsWith(AuditDetail.VALUE))
                .toList();
        assertTrue(keys.size() > 30, keys.toString());
        for (String key : keys) {
            assertTrue(german.containsKey(key), key);
        }
        for (String constant : List.of("ADMIN", "SUPPORT_LEAD", "VIEWER")) {
            assertTrue(english.containsKey(AuditDetail.VALUE + "role." + constant), constant);
        }
        for (var kind : app.resonance.surveys.entity.SurveyKind.values()) {
            assertTrue(german.containsKey(AuditDetail.VALUE + "kind." + kind), kind.name());
        }
        for (var operator : app.resonance.customers.entity.RuleOperator.values()) {
            if (operator != app.resonance.customers.entity.RuleOperator.WITHIN_DAYS) {
                assertTrue(german.containsKey(AuditDetail.VALUE + "operator." + operator), operator.name());
            }
        }
        for (var policy : app.resonance.surveys.entity.AnswerPolicy.values()) {
            assertTrue(german.containsKey(AuditDetail.VALUE + "policy." + policy), policy.name());
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditDetailTest.class.getResourceAsStream("/app/resonance/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
