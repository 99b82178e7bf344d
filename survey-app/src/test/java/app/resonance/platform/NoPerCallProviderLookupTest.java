package app.resonance.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the request paths against look-ups that scan the class path on every call: {@code Json.create*},
 * {@code JsonProvider.provider()}, {@code JsonbBuilder.create()} and the ServiceLoader each search the web
 * application's class loader every time. The one JSON-P provider is {@code platform.control.Jsonp}.
 */
class NoPerCallProviderLookupTest {

    private static final Pattern PER_CALL_LOOKUP = Pattern.compile(
            "\\bJson\\.create[A-Za-z]*\\(|JsonProvider\\.provider\\(|JsonbBuilder\\.create\\(|ServiceLoader\\.load");

    /** The module's own sources and the console's, which runs in the same application. */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../admin-ui/src/main/java"));

    @Test
    void noSourceLooksUpAProviderPerCall() {
        List<String> offenders = SOURCES.stream()
                .filter(Files::isDirectory)
                .flatMap(NoPerCallProviderLookupTest::javaFiles)
                .filter(file -> !file.endsWith(Path.of("platform/control/Jsonp.java")))
                .flatMap(NoPerCallProviderLookupTest::lookups)
                .toList();
        assertEquals(List.of(), offenders, "use app.resonance.platform.control.Jsonp instead");
    }

    @Test
    void theGuardSeesTheSourcesAndTheOneProvider() throws IOException {
        assertTrue(Files.isDirectory(SOURCES.get(0)), "run from the survey-app module");
        String jsonp = Files.readString(SOURCES.get(0).resolve("app/resonance/platform/control/Jsonp.java"));
        assertTrue(PER_CALL_LOOKUP.matcher(jsonp).find(), "the pattern finds the one allowed look-up");
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lookups(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> !lines.get(i).trim().startsWith("*")
                            && !lines.get(i).trim().startsWith("//"))
                    .filter(i -> PER_CALL_LOOKUP.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
