package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every console text exists in German and English, and every key a page or bean uses is in the bundles. */
class ConsoleBundlesTest {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleBundlesTest.class.getResourceAsStream("/app/resonance/console/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(
                new TreeSet<>(load("msg.properties").stringPropertyNames()),
                new TreeSet<>(load("msg_de.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyThePagesAndBeansUseExists() throws IOException {
        Set<String> keys = load("msg.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern page = Pattern.compile("msg\\['([A-Za-z0-9.-]+)'\\]");
        Pattern bean = Pattern.compile("Faces\\.(?:text|info|error)\\(\\s*\"([A-Za-z0-9.-]+)\"\\s*[,)]");
        int used = 0;
        for (Path root : new Path[] {Path.of("src/main/resources/META-INF/resources"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    for (Pattern pattern : new Pattern[] {page, bean}) {
                        for (Matcher m = pattern.matcher(text); m.find(); ) {
                            used++;
                            if (!keys.contains(m.group(1))) {
                                missing.add(file.getFileName() + ": " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(used > 100, "the scan finds the keys: " + used);
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyChannelAuditActionAndImportFieldReadsInBothLanguages() throws IOException {
        Set<String> wanted = new TreeSet<>();
        for (var channel : app.resonance.responses.entity.Channel.values()) {
            wanted.add("channel." + channel.name());
        }
        for (String field : app.resonance.customers.control.CustomerCsvReader.FIELDS) {
            wanted.add("importField." + field);
        }
        // every action the audit log records (survey-app's audit.record and SurveyEditor.audit calls)
        for (String action : java.util.List.of(
                "created",
                "updated",
                "deleted",
                "duplicated",
                "draftSaved",
                "published",
                "settingsChanged",
                "closed",
                "reopened",
                "imported",
                "ERASE",
                "redefined",
                "passwordReset",
                "waveSent",
                "suppressionReported",
                "suppressionLifted",
                "loggedIn",
                "loginFailed",
                "revoked",
                "adminScopeUsed",
                "escalated")) {
            wanted.add("auditAction." + action);
        }
        for (var area : app.resonance.audit.entity.AuditArea.values()) {
            wanted.add("area." + area.name());
        }
        for (var scope : app.resonance.platform.entity.Scope.values()) {
            wanted.add("tokens.scope." + scope.wire().replace(':', '_'));
        }
        for (String bundle : new String[] {"msg.properties", "msg_de.properties"}) {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(load(bundle).stringPropertyNames());
            assertEquals(Set.of(), missing, bundle);
        }
        assertEquals("Entwurf gespeichert", load("msg_de.properties").getProperty("auditAction.draftSaved"));
        assertEquals("E-Mail", load("msg_de.properties").getProperty("channel.EMAIL"));
    }
}
