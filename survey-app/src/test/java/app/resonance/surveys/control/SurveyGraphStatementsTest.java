package app.resonance.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.SampleData;
import app.resonance.testsupport.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a survey's whole graph (versions, questions, their options) costs the same few statements whatever
 * the number of questions: one per level, not one per question (the admin reads and the catalog's first read
 * of a survey did one query for every question's options).
 */
class SurveyGraphStatementsTest {

    final AtomicInteger statements = new AtomicInteger();

    /** The data source, counting every statement prepared or created on its connections. */
    DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return countingConnection(connection);
                    }
                    return result;
                });
    }

    Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return invoke(target, method, args);
                });
    }

    static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Statements of one first read of the published survey, with this many questions, on the database. */
    int statementsToReadTheSurvey(String database, int questions) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SampleData.seed(c);
            SampleData.sql(c, "UPDATE survey SET published_version_id = 1");
            for (int i = 3; i <= questions; i++) {
                SampleData.sql(
                        c,
                        "INSERT INTO question (id, survey_version_id, position, question_key, question_type, required)"
                                + " VALUES (?, 1, ?, ?, 'SINGLE_CHOICE', FALSE)",
                        i,
                        i - 1,
                        "q" + i);
                SampleData.sql(
                        c,
                        "INSERT INTO question_option (id, question_id, option_role, position, code, label_en)"
                                + " VALUES (?, ?, 'OPTION', 0, 'a', 'A'), (?, ?, 'OPTION', 1, 'b', 'B')",
                        100 + 2 * i,
                        i,
                        101 + 2 * i,
                        i);
            }
            c.commit();
        }
        EntityManagerFactory emf = Jpa.on(counting(dataSource));
        try {
            EntityManager em = emf.createEntityManager();
            em.createQuery("SELECT COUNT(s) FROM Survey s").getSingleResult(); // the connection, the session
            statements.set(0);
            Survey survey = new SurveyCatalog(em, 1000).published("nps").orElseThrow();
            int count = statements.get();
            var version = survey.publishedVersion().orElseThrow();
            assertEquals(questions, version.questions().size());
            long options = version.questions().stream()
                    .mapToLong(q -> q.options(OptionRole.OPTION).size())
                    .sum();
            assertEquals(2L * (questions - 2), options, "every choice question has its two options");
            assertEquals(count, statements.get(), "the whole graph was read by the catalog");
            em.close();
            return count;
        } finally {
            emf.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSurveyWithThirtyQuestionsIsReadWithAsManyStatementsAsOneWithTwo(String database) throws SQLException {
        int small = statementsToReadTheSurvey(database, 2);
        int large = statementsToReadTheSurvey(database, 30);
        assertEquals(small, large, "statements for 2 and for 30 questions");
        assertTrue(large <= 6, "one statement per level of the graph, not per question: " + large);
    }
}
