package app.resonance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.customers.control.CustomerCsvReader;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.JsonInput;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.AnswerValidator;
import app.resonance.responses.control.FormValues;
import app.resonance.responses.control.SubmissionReader;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz tests of the parsers that read what clients send, with seeded random inputs (a failure names its
 * seed and input, so it can be replayed): whatever arrives, they answer with errors instead of failing,
 * and whatever they accept keeps the rules (scores in the scale, known options, clean text within its
 * length).
 */
class ParserPropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final SurveyVersion VERSION = version();
    static final String[] KEYS = {"nps", "csat", "plan", "uses", "grid", "comment"};
    static final String[] WORDS = {
        "basic",
        "pro",
        "web",
        "speed",
        "good",
        "nps",
        "=cmd|' /C calc'!A0",
        "' OR 1=1 --",
        "../../etc/passwd",
        "<script>"
    };
    static final char[] HOSTILE = {'\u0000', '\u001f', '\u007f', '\u0085', '\ud800', '\udfff', 'a', 'ü', '\'', '"', ';'
    };
    static final long SEED = Long.getLong("resonance.fuzz.seed", 20261123L);

    static SurveyVersion version() {
        Survey survey = new Survey("fuzz", SurveyKind.NPS, false, NOW);
        SurveyVersion v = survey.latestVersion();
        LocalizedText t = new LocalizedText("x", "x");
        v.describe(t, null, List.of("de", "en"), "de");
        v.addQuestion("nps", QuestionType.NPS, true, t);
        v.addQuestion("csat", QuestionType.CSAT, false, t);
        v.addQuestion("plan", QuestionType.SINGLE_CHOICE, false, t)
                .addOption(OptionRole.OPTION, "basic", t)
                .addOption(OptionRole.OPTION, "pro", t);
        v.addQuestion("uses", QuestionType.MULTIPLE_CHOICE, false, t)
                .addOption(OptionRole.OPTION, "web", t)
                .addOption(OptionRole.OPTION, "app", t);
        v.addQuestion("grid", QuestionType.MATRIX, false, t)
                .addOption(OptionRole.ROW, "speed", t)
                .addOption(OptionRole.COLUMN, "bad", t)
                .addOption(OptionRole.COLUMN, "good", t);
        v.addQuestion("comment", QuestionType.SHORT_TEXT, false, t);
        return survey.publish(NOW);
    }

    /** Any text: random code units (lone surrogates included), hostile characters, long runs, known words. */
    static String text(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> {
                StringBuilder b = new StringBuilder();
                for (int i = r.nextInt(40); i > 0; i--) {
                    b.append((char) r.nextInt(0x10000));
                }
                yield b.toString();
            }
            case 1 -> {
                StringBuilder b = new StringBuilder();
                for (int i = r.nextInt(20); i > 0; i--) {
                    b.append(HOSTILE[r.nextInt(HOSTILE.length)]);
                }
                yield b.toString();
            }
            case 2 -> "x".repeat(490 + r.nextInt(30));
            default -> WORDS[r.nextInt(WORDS.length)];
        };
    }

    static JsonValue leaf(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Json.createValue(r.nextInt(16) - 3);
            case 1 -> Json.createValue(r.nextLong());
            case 2 -> Json.createValue(r.nextDouble() * 20 - 5);
            case 3 -> Json.createValue(BigInteger.TEN.pow(30 + r.nextInt(5)));
            case 4 -> Json.createValue(text(r));
            default -> List.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL).get(r.nextInt(3));
        };
    }

    static JsonValue value(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> {
                JsonArrayBuilder b = Json.createArrayBuilder();
                for (int i = r.nextInt(5); i > 0; i--) {
                    b.add(leaf(r));
                }
                yield b.build();
            }
            case 1 ->
                Json.createObjectBuilder()
                        .add(List.of("speed", "design", "x").get(r.nextInt(3)), leaf(r))
                        .build();
            default -> leaf(r);
        };
    }

    static String submission(Random r) {
        JsonObjectBuilder answers = Json.createObjectBuilder();
        for (int i = r.nextInt(7); i > 0; i--) {
            answers.add(r.nextInt(3) == 0 ? text(r) : KEYS[r.nextInt(KEYS.length)], value(r));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("answers", answers)
                .add("locale", List.of("de", "en", "fr", "").get(r.nextInt(4)))
                .add("partial", r.nextBoolean());
        if (r.nextInt(4) == 0) {
            body.add("channel", text(r));
        }
        return body.build().toString();
    }

    @Test
    void anySubmissionIsAnsweredWithErrorsOrStoredWithinTheRules() {
        Random r = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            String body = submission(r);
            var json = JsonInput.object(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
            var result = SubmissionReader.read(json, VERSION, false, "en", NOW, EN);
            String context = "seed " + SEED + ", case " + i + ": " + body;
            if (result.isValid()) {
                for (AnswerValue v : result.submission().answers()) {
                    var q = v.question();
                    if (v.score() != null) {
                        assertTrue(q.inScale(v.score()), "score in scale: " + context);
                    }
                    if (v.optionCode() != null) {
                        OptionRole role = v.rowCode() != null ? OptionRole.COLUMN : OptionRole.OPTION;
                        assertTrue(q.option(role, v.optionCode()).isPresent(), "known option: " + context);
                    }
                    if (v.text() != null) {
                        assertTrue(TextRules.isClean(v.text()), "clean text: " + context);
                        assertTrue(v.text().length() <= QuestionType.SHORT_TEXT_MAX, "short text: " + context);
                    }
                }
            } else {
                result.errors().forEach(e -> assertFalse(e.message().isBlank(), "every error says what: " + context));
            }
        }
    }

    @Test
    void arbitraryBytesAreNeverMistakenForAnObject() {
        Random r = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[r.nextInt(64)];
            r.nextBytes(bytes);
            if (r.nextBoolean() && bytes.length > 0) {
                bytes[0] = '{';
            }
            JsonInput.object(bytes).ifPresent(o -> assertEquals(JsonValue.ValueType.OBJECT, o.getValueType()));
        }
        assertTrue(
                JsonInput.object("[".repeat(100_000).getBytes(StandardCharsets.UTF_8))
                        .isEmpty(),
                "deep nesting");
    }

    @Test
    void anyFormPageIsValidatedWithoutFailing() {
        Random r = new Random(SEED);
        for (int i = 0; i < 1000; i++) {
            var fields = new LinkedHashMap<String, List<String>>();
            for (int f = r.nextInt(8); f > 0; f--) {
                String name = "q." + (r.nextBoolean() ? KEYS[r.nextInt(KEYS.length)] : text(r))
                        + (r.nextInt(4) == 0 ? ".speed" : "");
                fields.put(name, List.of(text(r), text(r)));
            }
            var answers = FormValues.of(fields).answers(VERSION.questions());
            var result = AnswerValidator.validatePage(VERSION.questions(), answers, EN);
            String context = "seed " + SEED + ", case " + i + ": " + fields;
            result.values()
                    .forEach(v -> assertTrue(v.score() == null || v.question().inScale(v.score()), context));
        }
    }

    @Test
    void anyCsvIsImportedOrRejectedRowByRow() {
        Random r = new Random(SEED);
        String[] headers = {"externalId;name;email;plan;renewalDate;locale", "externalId,name", "name;email", ""};
        String[] cells = {"C-1", "Anna", "anna@example.com", "business", "2026-12-01", "de", "\"quoted;\"\"x\"\"\""};
        for (int i = 0; i < 500; i++) {
            List<String> rows = new ArrayList<>();
            for (int k = r.nextInt(6); k > 0; k--) {
                List<String> row = new ArrayList<>();
                for (int c = 1 + r.nextInt(6); c > 0; c--) {
                    row.add(r.nextBoolean() ? cells[r.nextInt(cells.length)] : text(r));
                }
                rows.add(String.join(";", row));
            }
            String csv = headers[r.nextInt(headers.length)] + "\n" + String.join("\n", rows);
            var result = CustomerCsvReader.read(new StringReader(csv), EN);
            if (result.errors().isEmpty()) {
                for (CustomerProfile p : result.profiles()) {
                    assertFalse(p.externalId() == null || p.externalId().isBlank(), csv);
                    assertTrue(TextRules.isClean(p.externalId()), csv);
                }
            } else {
                result.errors().forEach(e -> assertFalse(e.message().isBlank(), csv));
            }
        }
    }
}
