package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text a respondent reads (public form pages, invitation and reminder mails, the unsubscribe and privacy
 * pages, the validation and problem messages of the public submit API that the forms and the widget use) exists in
 * all seven respondent languages with the same placeholders, and MessageFormat reads each of them.
 */
class RespondentBundlesTest {

    /** Every key under these prefixes is read by respondents only. */
    static final List<String> RESPONDENT_PREFIXES = List.of("form.", "mail.", "unsubscribe.", "privacy.");

    /** The code of the public submit path: the problem and error keys it names are respondent keys too. */
    static final List<String> PUBLIC_SUBMIT_SOURCES = List.of(
            "responses/boundary/Submissions.java",
            "responses/control/SubmissionReader.java",
            "responses/control/AnswerValidator.java",
            "forms/control/PublicForms.java");

    /** The generic problems any public request can meet (unreadable JSON, too large, a failure on our side). */
    static final List<String> GENERIC_PROBLEMS = List.of(
            "problem.status.400",
            "problem.status.404",
            "problem.status.405",
            "problem.status.406",
            "problem.status.408",
            "problem.status.413",
            "problem.status.415",
            "problem.malformedJson",
            "problem.json.malformedUtf8",
            "problem.json.duplicateKey",
            "problem.json.trailingData",
            "problem.json.charset",
            "problem.unexpected",
            "problem.databaseUnavailable",
            "problem.surveyNotFound",
            "problem.surveyClosed",
            "problem.rateLimited",
            "problem.invitationNotFound",
            "problem.surveyNotOpen",
            "problem.limitReached",
            "error.unknownField",
            "error.expectedObject");

    /** Texts that are the same word in English and in the language. */
    static final Set<String> SAME_AS_ENGLISH = Set.of("es:form.errorPrefix");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Set<String> respondentKeys() throws IOException {
        Properties english = MessageBundlesTest.bundle("messages.properties");
        Set<String> keys = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (RESPONDENT_PREFIXES.stream().anyMatch(key::startsWith)) {
                keys.add(key);
            }
        }
        keys.addAll(GENERIC_PROBLEMS);
        Pattern problem = Pattern.compile("\"(problem\\.[A-Za-z0-9.]+)\"");
        Pattern error = Pattern.compile("\\.error\\([^;]*?,\\s*\"([A-Za-z]+)\"");
        for (String source : PUBLIC_SUBMIT_SOURCES) {
            String code = Files.readString(Path.of("src/main/java/app/resonance", source));
            for (Matcher m = problem.matcher(code); m.find(); ) {
                keys.add(m.group(1));
            }
            for (Matcher m = error.matcher(code); m.find(); ) {
                keys.add("error." + m.group(1));
            }
        }
        return keys;
    }

    static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = PLACEHOLDER.matcher(pattern); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyRespondentKeyIsInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Set<String> keys = respondentKeys();
        assertTrue(keys.size() > 100, "respondent keys found: " + keys.size());
        Properties english = MessageBundlesTest.bundle("messages.properties");
        List<String> problems = new ArrayList<>();
        for (String language : Messages.RESPONDENT_LANGUAGES) {
            Properties bundle = MessageBundlesTest.bundle(
                    "en".equals(language) ? "messages.properties" : "messages_" + language + ".properties");
            for (String key : keys) {
                String text = bundle.getProperty(key);
                if (english.getProperty(key) == null) {
                    problems.add(key + ": not in messages.properties");
                } else if (text == null || text.isBlank()) {
                    problems.add(key + ": missing in " + language);
                } else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(key + ": placeholders " + placeholders(text) + " in " + language + ", "
                            + placeholders(english.getProperty(key)) + " in English");
                } else if (!"en".equals(language)
                        && !"de".equals(language)
                        && MessageBundlesTest.hasWords(text)
                        && text.equals(english.getProperty(key))
                        && !MessageBundlesTest.SAME_IN_BOTH.contains(text)
                        && !SAME_AS_ENGLISH.contains(language + ":" + key)) {
                    problems.add(key + ": untranslated in " + language);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void messageFormatReadsEveryRespondentTextAndKeepsItsPlaceholdersAndApostrophes() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String language : Messages.RESPONDENT_LANGUAGES) {
            Properties bundle = MessageBundlesTest.bundle(
                    "en".equals(language) ? "messages.properties" : "messages_" + language + ".properties");
            for (String key : respondentKeys()) {
                String text = bundle.getProperty(key);
                if (text == null) {
                    continue; // the other test names it
                }
                if (placeholders(text).isEmpty()) {
                    // shown as it is, without MessageFormat: a doubled apostrophe would show twice
                    if (text.contains("''")) {
                        problems.add(key + " (" + language + "): '' in a text without placeholders");
                    }
                    continue;
                }
                try {
                    Object[] args = {"ARG0", "ARG1", "ARG2"};
                    String formatted = new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
                    for (String index : placeholders(text)) {
                        if (!formatted.contains("ARG" + index)) {
                            problems.add(key + " (" + language + "): {" + index + "} is quoted away: " + formatted);
                        }
                    }
                    if (formatted.contains("{")) {
                        problems.add(key + " (" + language + "): a brace is left: " + formatted);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(key + " (" + language + "): " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aRespondentGetsTheirLanguageAndTheConsoleStaysGermanOrEnglish() {
        assertEquals(
                "Il n’existe aucun questionnaire «\u00a0x\u00a0».",
                Messages.respondent("fr").get("problem.surveyNotFound", "x"));
        assertEquals(
                "Nie ma ankiety „x”.",
                Messages.respondent(Locale.forLanguageTag("pl-PL")).get("problem.surveyNotFound", "x"));
        assertEquals("Weiter", Messages.respondent("de").get("form.next"));
        assertEquals("Next", Messages.respondent("pt").get("form.next"));
        // a key no respondent reads falls back to English in a respondent language
        assertEquals(
                Messages.of(Locale.ENGLISH).get("problem.invalidWebhook"),
                Messages.respondent("fr").get("problem.invalidWebhook"));
        // the console and the admin API: German or English only, whatever the browser says
        assertEquals("Next", Messages.of(Locale.FRENCH).get("form.next"));
        assertFalse(Messages.SUPPORTED.contains(Locale.FRENCH));
    }
}
