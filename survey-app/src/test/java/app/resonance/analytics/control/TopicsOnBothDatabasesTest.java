package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The topics the migration seeds, and an edit counting from the next read on, on H2 and PostgreSQL. */
class TopicsOnBothDatabasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theFormerThemesAreSeededAndAnEditCountsAtTheNextRead(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(Topic.DEFAULTS, Topics.read(c));
            assertEquals(List.of("SUPPORT"), Topics.matcher(c).keys("Supportanfragen dauern zu lange"));

            Jdbc.update(c, "UPDATE topic SET enabled = FALSE WHERE topic_key = 'SUPPORT'");
            Jdbc.update(c, "UPDATE topic SET keywords_de = 'Preis|Anfrage' WHERE topic_key = 'PRICE'");
            assertEquals(List.of("PRICE"), Topics.matcher(c).keys("Supportanfragen dauern zu lange"));
        }
    }
}
