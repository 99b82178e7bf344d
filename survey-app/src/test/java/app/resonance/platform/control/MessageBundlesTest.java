package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible text of the survey app exists in German and in English, and every key the code uses exists. */
class MessageBundlesTest {

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/app/resonance/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Words that German uses as they are. */
    static final Set<String> SAME_IN_BOTH = Set.of("Support", "API", "NPS", "CSAT", "CES", "eNPS", "Admin", "Segment");

    /** A pattern such as "{0}: {1}" has no words to translate. */
    static boolean hasWords(String text) {
        return text.replaceAll("\\{\\d+}", "").chars().anyMatch(Character::isLetter);
    }

    @Test
    void germanAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(german.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertFalse(english.getProperty(key).isBlank(), key);
            assertFalse(german.getProperty(key).isBlank(), key);
            if (!SAME_IN_BOTH.contains(english.getProperty(key)) && hasWords(english.getProperty(key))) {
                assertNotEquals(english.getProperty(key), german.getProperty(key), "untranslated: " + key);
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Pattern problem = Pattern.compile("\"(problem\\.[A-Za-z0-9.]+)\"");
        Pattern error = Pattern.compile("\\.error\\([^;]*?,\\s*\"([A-Za-z]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Matcher m = problem.matcher(source); m.find(); ) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
                for (Matcher m = error.matcher(source); m.find(); ) {
                    used.add("error." + m.group(1));
                }
            }
        }
        assertTrue(used.size() > 40, "found the keys in the code: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertEquals(Set.of(), missing);
    }

    @Test
    void aGermanRequestGetsGermanAndEverythingElseEnglish() {
        assertEquals("Es gibt keine Umfrage „x“.", Messages.of(Locale.GERMAN).get("problem.surveyNotFound", "x"));
        assertEquals("There is no survey 'x'.", Messages.of(Locale.ENGLISH).get("problem.surveyNotFound", "x"));
        assertEquals("There is no survey 'x'.", Messages.of(Locale.FRENCH).get("problem.surveyNotFound", "x"));
    }
}
