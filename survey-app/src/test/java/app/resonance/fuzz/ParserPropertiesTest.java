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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests (jqwik) of the parsers that read what clients send: whatever the bytes, they
 * answer with errors instead of failing, and whatever they accept keeps the rules (scores in the scale,
 * known options, clean text within its length).
 */
class ParserPropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final SurveyVersion VERSION = version();
    static final Set<String> KEYS = Set.of("nps", "csat", "plan", "uses", "grid", "comment");

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

    /** Any text, with control characters, NUL, surrogates (also lone ones) and long runs. */
    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings()
                        .withChars('\u0000', '\u001f', '\u007f', '\u0085', '\ud800', '\udfff', 'a', 'ü', '\'')
                        .ofMaxLength(20),
                Arbitraries.strings().withChars('x').ofMinLength(490).ofMaxLength(520),
                Arbitraries.of("basic", "pro", "web", "speed", "good", "nps", "=cmd|' /C calc'!A0", "' OR 1=1 --"));
    }

    @Provide
    Arbitrary<JsonValue> value() {
        Arbitrary<JsonValue> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 12).map(i -> Json.createValue(i)),
                Arbitraries.longs().map(l -> Json.createValue(l)),
                Arbitraries.doubles().ofScale(3).map(d -> Json.createValue(d)),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(30), java.math.BigInteger.TEN.pow(31))
                        .map(b -> Json.createValue(b)),
                hostileText().map(s -> Json.createValue(s)),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL));
        Arbitrary<JsonValue> array = leaf.list().ofMaxSize(4).map(items -> {
            JsonArrayBuilder b = Json.createArrayBuilder();
            items.forEach(b::add);
            return b.build();
        });
        Arbitrary<JsonValue> object = Combinators.combine(Arbitraries.of("speed", "design", "x"), leaf)
                .as((k, v) -> (JsonValue) Json.createObjectBuilder().add(k, v).build());
        return Arbitraries.oneOf(leaf, array, object);
    }

    @Provide
    Arbitrary<String> submission() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS.toArray(String[]::new)), hostileText());
        Arbitrary<Map<String, JsonValue>> answers =
                Arbitraries.maps(key, value()).ofMaxSize(6);
        return Combinators.combine(answers, Arbitraries.of("de", "en", "fr", ""), Arbitraries.of(true, false), value())
                .as((a, locale, partial, extra) -> {
                    JsonObjectBuilder body = Json.createObjectBuilder();
                    JsonObjectBuilder answerObject = Json.createObjectBuilder();
                    a.forEach(answerObject::add);
                    body.add("answers", answerObject).add("locale", locale).add("partial", partial);
                    if (extra.getValueType() == JsonValue.ValueType.STRING) {
                        body.add("channel", extra);
                    }
                    return body.build().toString();
                });
    }

    @Property(tries = 1000)
    void anySubmissionIsAnsweredWithErrorsOrStoredWithinTheRules(@ForAll("submission") String body) {
        var json = JsonInput.object(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        var result = SubmissionReader.read(json, VERSION, false, "en", NOW, EN);
        if (result.isValid()) {
            for (AnswerValue v : result.submission().answers()) {
                var q = v.question();
                if (v.score() != null) {
                    assertTrue(q.inScale(v.score()), "score in scale: " + body);
                }
                if (v.optionCode() != null) {
                    OptionRole role = v.rowCode() != null ? OptionRole.COLUMN : OptionRole.OPTION;
                    assertTrue(q.option(role, v.optionCode()).isPresent(), "known option: " + body);
                }
                if (v.text() != null) {
                    assertTrue(TextRules.isClean(v.text()) && v.text().length() <= QuestionType.SHORT_TEXT_MAX, body);
                }
            }
        } else {
            assertFalse(result.errors().isEmpty());
            result.errors().forEach(e -> assertFalse(e.message().isBlank(), "every error says what is wrong"));
        }
    }

    @Property(tries = 500)
    void arbitraryBytesAreNeverMistakenForAnObject(@ForAll byte[] bytes) {
        var parsed = JsonInput.object(bytes);
        parsed.ifPresent(o -> assertEquals(JsonValue.ValueType.OBJECT, o.getValueType()));
    }

    @Property(tries = 500)
    void anyFormPageIsValidatedWithoutFailing(@ForAll("submission") String body, @ForAll("hostileText") String field) {
        var json = JsonInput.object(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        var fields = new java.util.LinkedHashMap<String, List<String>>();
        json.getJsonObject("answers").forEach((k, v) -> fields.put("q." + k, List.of(v.toString(), field)));
        var page = FormValues.of(fields).answers(VERSION.questions());
        var result = AnswerValidator.validatePage(VERSION.questions(), page, EN);
        assertTrue(result.isValid() || !result.errors().isEmpty());
    }

    @Property(tries = 300)
    void anyCsvIsImportedOrRejectedRowByRow(@ForAll("csv") String csv) {
        var result = CustomerCsvReader.read(new StringReader(csv), EN);
        if (result.errors().isEmpty()) {
            for (CustomerProfile p : result.profiles()) {
                assertFalse(p.externalId() == null || p.externalId().isBlank(), csv);
                assertTrue(TextRules.isClean(p.externalId()), csv);
            }
        }
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                hostileText(),
                Arbitraries.of(
                        "C-1", "Anna", "anna@example.com", "business", "2026-12-01", "de", "\"quoted;\"\"x\"\"\""));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(6).map(cells -> String.join(";", cells));
        Arbitrary<String> header =
                Arbitraries.of("externalId;name;email;plan;renewalDate;locale", "externalId,name", "name;email", "");
        return Combinators.combine(header, row.list().ofMaxSize(5)).as((h, rows) -> h + "\n" + String.join("\n", rows));
    }
}
