package app.resonance.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the integration tests start Payara Micro, gives them an empty database: the PostgreSQL
 * database is dropped and created, the H2 directory removed; Payara Micro's temporary directory is
 * created. Does nothing in unit-test runs.
 */
public class FreshItDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String kind = System.getProperty("resonance.it.db");
        String tmp = System.getProperty("resonance.it.tmp");
        if (tmp != null) {
            // Payara Micro unpacks itself here; it must exist.
            Path.of(tmp).toFile().mkdirs();
        }
        if ("postgres".equals(kind) && TestDatabases.postgresReachable()) {
            TestDatabases.recreate(System.getProperty("resonance.it.pgdatabase", "resonance_it"));
        } else if ("h2".equals(kind)) {
            deleteTree(Path.of(System.getProperty("resonance.it.data")));
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
