package app.resonance.testsupport;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import javax.sql.DataSource;

/** The application's persistence unit outside the container, on a given data source, with local transactions. */
public final class Jpa {

    private Jpa() {}

    public static EntityManagerFactory on(DataSource dataSource) {
        return Persistence.createEntityManagerFactory(
                "resonance",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        "eclipselink.target-server", "None",
                        "eclipselink.logging.level", "WARNING"));
    }
}
