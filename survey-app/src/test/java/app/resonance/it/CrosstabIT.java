package app.resonance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crosstab through the real admin API with the demo loaded, on H2 and PostgreSQL: the demo's NPS by plan
 * equals a direct count and shows Enterprise ahead of Starter; a multiple choice has no chi-square; small
 * columns are suppressed; the CSV has a line per cell; bad parameters are named in a 422; without credentials
 * 401. The response browser (same deployment, same demo): its pages and filters list exactly the responses a
 * direct query lists, a response opens whole, bad parameters are named. The driver analysis of the demo's dip.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrosstabIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/survey-app.war"));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    JsonObject get(String path, String language) {
        var response = api.get(path, "Authorization", Api.admin(), "Accept-Language", language);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void theDemosNpsByPlanEqualsADirectCountWithEnterpriseAheadOfStarter() {
        LocalDate to = LocalDate.now(BERLIN);
        LocalDate from = to.minusDays(364);
        JsonObject table = get(
                "api/v1/admin/surveys/relationship-nps/crosstab?question=nps&by=plan&from=" + from + "&to=" + to, "en");
        assertEquals("plan", table.getString("by"));
        assertEquals("NPS", table.getString("questionType"));
        assertEquals("HOLM", table.getString("adjustment"));
        var columns = table.getJsonArray("columns").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("Business", "Enterprise", "Starter"),
                columns.stream().map(c -> c.getString("key")).toList());
        var rows = table.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"),
                rows.stream().map(r -> r.getString("label")).toList());
        int[][] bands = {{0, 6}, {7, 8}, {9, 10}};
        for (int c = 0; c < columns.size(); c++) {
            String plan = columns.get(c).getString("key");
            long respondents = direct(plan, 0, 10, from, to);
            assertEquals(
                    respondents, columns.get(c).getJsonNumber("respondents").longValue());
            assertEquals("SHOWN", columns.get(c).getString("visibility"));
            for (int r = 0; r < 3; r++) {
                JsonObject cell = rows.get(r).getJsonArray("cells").getJsonObject(c);
                long n = direct(plan, bands[r][0], bands[r][1], from, to);
                assertEquals(plan, cell.getString("column"));
                assertEquals(n, cell.getJsonNumber("count").longValue());
                assertEquals(
                        (double) n / respondents, cell.getJsonNumber("share").doubleValue(), 1e-12);
            }
        }
        // The demo's story: Enterprise has more promoters, Starter more detractors; the table is significant.
        double enterprisePromoters = share(rows.get(2), 1);
        double starterPromoters = share(rows.get(2), 2);
        assertTrue(enterprisePromoters > starterPromoters, enterprisePromoters + " " + starterPromoters);
        JsonObject chi = table.getJsonObject("chiSquare");
        assertEquals(4, chi.getInt("degreesOfFreedom"));
        assertTrue(chi.getBoolean("significant"), chi.toString());
        assertEquals(9, table.getInt("testedCells"));
        assertEquals(JsonValue.NULL, table.get("chiSquareOmitted"));
    }

    /**
     * The relationship survey's PDF report over the last year gives its choice question "focus": n, and per option
     * who chose it and the share with its margin, each equal to a direct count of the responses.
     */
    @Test
    void theReportsChoiceSharesEqualADirectCount() throws Exception {
        LocalDate to = LocalDate.now(BERLIN);
        LocalDate from = to.minusDays(364);
        Object[] window = {
            LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC),
            LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC)
        };
        String answered = "SELECT COUNT(DISTINCT r.id) FROM response r JOIN survey s ON s.id = r.survey_id"
                + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                + " WHERE s.slug = 'relationship-nps' AND q.question_key = 'focus'"
                + " AND r.submitted_at >= ? AND r.submitted_at < ?";
        long respondents = Api.count(answered, window);
        assertTrue(respondents >= 30, "the demo's focus answers: " + respondents);
        var pdf = api.bytes(
                "api/v1/admin/analytics/reports/dashboard.pdf?survey=relationship-nps&from=" + from + "&to=" + to,
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(200, pdf.statusCode());
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("Choice questions"), text);
        assertTrue(text.contains("Answered by " + respondents + " respondents; one option each."), text);
        // the options' English labels and keys, in the question's order, as the crosstab names them
        var rows = get(
                        "api/v1/admin/surveys/relationship-nps/crosstab?question=focus&by=plan&from=" + from + "&to="
                                + to,
                        "en")
                .getJsonArray("rows")
                .getValuesAs(JsonObject.class);
        assertFalse(rows.isEmpty());
        for (JsonObject row : rows) {
            long chose = Api.count(answered + " AND a.option_code = ?", window[0], window[1], row.getString("key"));
            double share = (double) chose / respondents;
            double margin = 1.959963984540054 * Math.sqrt(share * (1 - share) / respondents);
            String line = row.getString("label") + " " + chose + " "
                    + String.format(java.util.Locale.ENGLISH, "%.1f %% ± %.1f", share * 100, margin * 100);
            assertTrue(text.contains(line), line + " in " + text);
        }
    }

    @Test
    void aMultipleChoiceHasNoChiSquareAndSmallColumnsAreSuppressed() {
        // The newest day with product feedback, in the console's zone (a fixed "yesterday" had none shortly after
        // midnight in Berlin)
        LocalDate day = java.sql.Timestamp.valueOf(
                        Api.text("SELECT CAST(MAX(r.submitted_at) AS VARCHAR(40)) FROM response r JOIN survey s"
                                        + " ON s.id = r.survey_id WHERE s.slug = 'product-feedback'")
                                .substring(0, 19))
                .toLocalDateTime()
                .atOffset(java.time.ZoneOffset.UTC)
                .atZoneSameInstant(BERLIN)
                .toLocalDate();
        JsonObject table = get(
                "api/v1/admin/surveys/product-feedback/crosstab?question=features&by=channel&from=" + day + "&to="
                        + day,
                "de");
        assertTrue(table.getBoolean("overlappingRows"));
        assertFalse(table.containsKey("chiSquare"));
        assertEquals("OVERLAPPING_ROWS", table.getString("chiSquareOmitted"));
        var notes = table.getJsonArray("notes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Kein Chi-Quadrat")), notes.toString());
        // One day of product feedback: every channel has fewer than 30 respondents, all suppressed, no test.
        var columns = table.getJsonArray("columns").getValuesAs(JsonObject.class);
        assertFalse(columns.isEmpty());
        columns.forEach(c -> assertEquals("NOT_ENOUGH_RESPONSES", c.getString("visibility")));
        assertEquals(0, table.getInt("testedCells"));
        for (JsonObject row : table.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            for (JsonObject cell : row.getJsonArray("cells").getValuesAs(JsonObject.class)) {
                assertEquals(JsonValue.NULL, cell.get("count"));
                assertEquals(JsonValue.NULL, cell.get("share"));
            }
        }
        assertTrue(notes.stream().anyMatch(n -> n.contains("unterdrückt")), notes.toString());
    }

    @Test
    void theCsvHasALinePerCellInTheRequestsLanguage() {
        var csv = api.get(
                "api/v1/admin/surveys/relationship-nps/crosstab/csv?question=focus&by=plan",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("resonance-crosstab-relationship-nps.csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFFZeile,Zeilenname,Spalte,Spaltenname,Befragte in der Spalte"), lines[0]);
        // Four options of "focus" by three plans.
        assertEquals(1 + 4 * 3, lines.length);
        assertTrue(lines[1].startsWith("support,Support,Business,Business,"), lines[1]);
        var bad = api.get(
                "api/v1/admin/surveys/relationship-nps/crosstab/csv?question=reason&by=plan",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode());
    }

    /**
     * The demo's matrix "How do you rate these aspects?" (columns 1 Poor to 5 Excellent) row by row over a year:
     * every row's respondents, shares and mean equal a direct count; a row's crosstab by plan counts the same
     * answers per plan.
     */
    @Test
    void aMatrixRowByRowAndARowsCrosstabEqualADirectCount() {
        LocalDate to = LocalDate.now(BERLIN);
        LocalDate from = to.minusDays(364);
        String days = "&from=" + from + "&to=" + to;
        JsonObject matrix = get("api/v1/admin/surveys/product-feedback/matrix?question=aspects" + days, "en");
        assertEquals(
                List.of("1:Poor:1", "2:Fair:2", "3:Good:3", "4:Very good:4", "5:Excellent:5"),
                matrix.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("key") + ":" + c.getString("label") + ":" + c.getInt("position"))
                        .toList());
        var rows = matrix.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("speed", "reliability", "design"),
                rows.stream().map(r -> r.getString("key")).toList());
        String direct = "SELECT COUNT(DISTINCT r.id) FROM response r JOIN survey s ON s.id = r.survey_id"
                + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                + " WHERE s.slug = 'product-feedback' AND q.question_key = 'aspects' AND a.row_code = ?"
                + " AND r.submitted_at >= ? AND r.submitted_at < ?";
        Object start = LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC);
        Object end = LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC);
        for (JsonObject row : rows) {
            String key = row.getString("key");
            long n = Api.count(direct, key, start, end);
            assertTrue(n >= 30, key + ": " + n);
            assertEquals("SHOWN", row.getString("visibility"));
            assertEquals(n, row.getJsonNumber("respondents").longValue());
            double sum = 0;
            var cells = row.getJsonArray("cells").getValuesAs(JsonObject.class);
            for (int column = 1; column <= 5; column++) {
                long chose = Api.count(direct + " AND a.option_code = ?", key, start, end, String.valueOf(column));
                JsonObject cell = cells.get(column - 1);
                assertEquals(chose, cell.getJsonNumber("count").longValue(), key + " " + column);
                assertEquals((double) chose / n, cell.getJsonNumber("share").doubleValue(), 1e-12);
                sum += column * chose;
            }
            assertEquals(sum / n, row.getJsonNumber("mean").doubleValue(), 1e-9);
            double margin = row.getJsonNumber("meanMarginOfError").doubleValue();
            assertTrue(margin > 0 && margin < 0.5, key + ": ±" + margin);
        }
        assertTrue(matrix.getString("note").contains("not tested against each other"), matrix.getString("note"));

        JsonObject speed =
                get("api/v1/admin/surveys/product-feedback/crosstab?question=aspects&row=speed&by=plan" + days, "de");
        assertEquals("speed", speed.getString("row"));
        assertEquals("MATRIX", speed.getString("questionType"));
        assertEquals(
                List.of("Schlecht", "Mäßig", "Gut"),
                speed.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                        .limit(3)
                        .map(r -> r.getString("label"))
                        .toList());
        long answered = 0;
        for (JsonObject column : speed.getJsonArray("columns").getValuesAs(JsonObject.class)) {
            long plan = Api.count(
                    direct.replace(" WHERE ", " JOIN customer c ON c.id = r.customer_id WHERE ") + " AND c.plan = ?",
                    "speed",
                    start,
                    end,
                    column.getString("key"));
            assertEquals(plan, column.getJsonNumber("respondents").longValue(), column.toString());
            answered += plan;
        }
        assertTrue(answered > 0);

        // The survey's PDF report has the matrix row by row, with the API's means
        var pdf = api.bytes(
                "api/v1/admin/analytics/reports/dashboard.pdf?survey=product-feedback&metric=RATING" + days,
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(200, pdf.statusCode());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Matrix questions, row by row"), text);
            String expected = "Speed "
                    + String.format(
                            java.util.Locale.ENGLISH,
                            "%.1f",
                            rows.get(0).getJsonNumber("mean").doubleValue())
                    + " ± ";
            assertTrue(text.contains(expected), expected + " in " + text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(
                422,
                api.get("api/v1/admin/surveys/relationship-nps/matrix?question=nps", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                404,
                api.get("api/v1/admin/surveys/no-such-survey/matrix?question=aspects", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                401,
                api.get("api/v1/admin/surveys/product-feedback/matrix?question=aspects")
                        .statusCode());
    }

    @Test
    void badParametersAreNamedIn422AndAnUnknownSurveyIs404() {
        assertEquals(Set.of("question", "by"), fields("relationship-nps", "question=nosuch&by=weather"));
        assertEquals(Set.of("question"), fields("relationship-nps", "question=reason&by=plan"));
        // A matrix is counted row by row: the row is required and must be the matrix's; other questions have none.
        assertEquals(Set.of("row"), fields("product-feedback", "question=aspects&by=plan"));
        assertEquals(Set.of("row"), fields("product-feedback", "question=aspects&row=weather&by=plan"));
        assertEquals(Set.of("row"), fields("relationship-nps", "question=nps&row=speed&by=plan"));
        assertEquals(Set.of("by"), fields("relationship-nps", "question=nps&by=question:nps"));
        assertEquals(Set.of("by"), fields("relationship-nps", "question=nps&by=question:reason"));
        assertEquals(Set.of("question", "by"), fields("relationship-nps", ""));
        assertEquals(
                Set.of("from", "segment"),
                fields("relationship-nps", "question=nps&by=plan&from=2026-02-30&segment=x"));
        var unknown = api.get(
                "api/v1/admin/surveys/no-such-survey/crosstab?question=nps&by=plan", "Authorization", Api.admin());
        assertEquals(404, unknown.statusCode());
        var anonymous = api.get("api/v1/admin/surveys/relationship-nps/crosstab?question=nps&by=plan");
        assertEquals(401, anonymous.statusCode());
    }

    /**
     * The driver analysis of the demo's dip (Business, from a month after the dip's start until the check-in calls):
     * the waiting for support (the topic a demo admin added for the dip's comments) alone on top, then support in
     * general, said in words in both languages; one day of product feedback is too few to rank.
     */
    @Test
    void theDipsDriversPutTheWaitForSupportOnTopAndFewResponsesAreNotRanked() {
        LocalDate today = LocalDate.now(BERLIN);
        String dip = "api/v1/admin/surveys/relationship-nps/drivers?segment=business&from=" + today.minusDays(240)
                + "&to=" + today.minusDays(150);
        JsonObject en = get(dip, "en");
        assertEquals("relationship-nps", en.getString("survey"));
        assertEquals(30, en.getInt("minimumResponses"));
        JsonObject analysis = en.getJsonObject("analysis");
        assertEquals("RANKED", analysis.getString("status"));
        assertEquals("nps", analysis.getString("outcome"));
        assertEquals("SHAPLEY_R2", analysis.getString("method"));
        assertEquals(1000, analysis.getInt("resamples"));
        var drivers = analysis.getJsonArray("drivers").getValuesAs(JsonObject.class);
        assertEquals("topic:WAITING_TIME", drivers.get(0).getString("key"), analysis.toString());
        assertEquals("TOPIC", drivers.get(0).getString("kind"));
        assertEquals(1, drivers.get(0).getInt("tier"));
        assertEquals("topic:SUPPORT", drivers.get(1).getString("key"), analysis.toString());
        assertEquals(2, drivers.get(1).getInt("tier"));
        double sum = drivers.stream()
                .mapToDouble(d -> d.getJsonNumber("importance").doubleValue())
                .sum();
        assertEquals(analysis.getJsonNumber("rSquared").doubleValue(), sum, 1e-9);
        assertTrue(
                analysis.getString("sentence").startsWith("Waiting time matters most; then Support; "),
                analysis.toString());
        JsonObject de = get(dip, "de").getJsonObject("analysis");
        assertTrue(de.getString("sentence").startsWith("Wartezeit zählt am meisten; dann Support; "), de.toString());
        assertEquals(
                analysis.getJsonArray("drivers").size(),
                de.getJsonArray("drivers").size());

        JsonObject few = get("api/v1/admin/surveys/product-feedback/drivers?from=" + today + "&to=" + today, "en")
                .getJsonObject("analysis");
        assertTrue(List.of("NOT_ENOUGH_RESPONSES", "NO_DRIVERS").contains(few.getString("status")), few.toString());
        assertTrue(few.getJsonArray("drivers").isEmpty());
        assertEquals(JsonValue.NULL, few.get("rSquared"));

        assertEquals(
                Set.of("from", "segment"),
                named("api/v1/admin/surveys/relationship-nps/drivers?from=2026-02-30&segment=x"));
        assertEquals(
                404,
                api.get("api/v1/admin/surveys/no-such-survey/drivers", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                401, api.get("api/v1/admin/surveys/relationship-nps/drivers").statusCode());
    }

    /** The demo's Business detractors, newest first, equal times by id: what the browser must list. */
    private static List<Long> directDetractors(String extra, Object... params) {
        Object[] all = new Object[params.length];
        System.arraycopy(params, 0, all, 0, params.length);
        return Api.longs(
                "SELECT r.id FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = 'relationship-nps'"
                        + " AND EXISTS (SELECT 1 FROM response_segment m JOIN segment g ON g.id = m.segment_id"
                        + " WHERE m.response_id = r.id AND g.segment_key = 'business') AND EXISTS (SELECT 1 FROM answer a"
                        + " JOIN question q ON q.id = a.question_id WHERE a.response_id = r.id AND q.question_key = 'nps'"
                        + " AND a.score BETWEEN 0 AND 6)" + extra + " ORDER BY r.submitted_at DESC, r.id DESC",
                all);
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("responses").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("id").longValue())
                .toList();
    }

    @Test
    void theResponseBrowserPagesTheDemosBusinessDetractorsAsADirectQueryListsThem() {
        List<Long> expected = directDetractors("");
        assertTrue(expected.size() > 10, expected.toString());
        String path = "api/v1/admin/surveys/relationship-nps/responses?segment=business&band=detractor&limit=5";
        JsonObject first = get(path, "en");
        assertEquals(expected.subList(0, 5), ids(first));
        JsonObject second = get(path + "&cursor=" + first.getString("next"), "en");
        assertEquals(expected.subList(5, 10), ids(second));
        JsonObject row = first.getJsonArray("responses").getJsonObject(0);
        assertEquals("nps", row.getString("scoreQuestion"));
        assertTrue(row.getInt("score") <= 6, row.toString());
        assertEquals("/api/v1/admin/surveys/relationship-nps/responses/" + expected.get(0), row.getString("href"));
        // The search in the comments, case-insensitive, by the viewer (every role reads the browser).
        List<Long> slow = directDetractors(" AND EXISTS (SELECT 1 FROM answer t JOIN question tq ON tq.id ="
                + " t.question_id WHERE t.response_id = r.id AND tq.question_type IN ('SHORT_TEXT', 'LONG_TEXT')"
                + " AND LOWER(t.text_value) LIKE '%support%')");
        assertFalse(slow.isEmpty());
        var viewer = api.get(
                "api/v1/admin/surveys/relationship-nps/responses?segment=business&band=detractor&q=SUPPORT&limit=100",
                "Authorization",
                ApiIT.viewer());
        assertEquals(200, viewer.statusCode(), viewer.body());
        assertEquals(slow.subList(0, Math.min(100, slow.size())), ids(Api.json(viewer)));
    }

    @Test
    void aResponseOpensWholeWithItsQuestionsTaskAndTheCustomersEarlierResponses() {
        long id = Api.longs("SELECT f.response_id FROM follow_up f JOIN response r ON r.id = f.response_id"
                        + " WHERE r.customer_id IS NOT NULL ORDER BY r.submitted_at DESC, r.id DESC")
                .get(0);
        String slug = Api.text("SELECT s.slug FROM response r JOIN survey s ON s.id = r.survey_id WHERE r.id = ?", id);
        JsonObject detail = get("api/v1/admin/surveys/" + slug + "/responses/" + id, "de");
        assertEquals(id, detail.getJsonNumber("id").longValue());
        assertEquals(
                Api.text(
                        "SELECT c.external_id FROM response r JOIN customer c ON c.id = r.customer_id WHERE r.id = ?",
                        id),
                detail.getString("customer"));
        var answers = detail.getJsonArray("answers").getValuesAs(JsonObject.class);
        String answered = "SELECT %s FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ?"
                + " GROUP BY q.position, q.question_key, q.text_de ORDER BY q.position";
        assertEquals(Api.longs(answered.formatted("q.position"), id).size(), answers.size());
        assertEquals(
                Api.text(answered.formatted("q.text_de"), id),
                answers.get(0).getString("text"),
                "German question text");
        assertEquals(
                Api.count("SELECT MIN(id) FROM follow_up WHERE response_id = ?", id),
                detail.getJsonObject("followUp").getJsonNumber("id").longValue());
        List<Long> earlier = Api.longs(
                "SELECT e.id FROM response e JOIN response r ON r.customer_id = e.customer_id JOIN survey s"
                        + " ON s.id = e.survey_id WHERE r.id = ? AND e.id <> r.id AND s.anonymous = FALSE"
                        + " AND e.submitted_at <= r.submitted_at ORDER BY e.submitted_at DESC, e.id DESC",
                id);
        assertEquals(
                earlier.subList(0, Math.min(20, earlier.size())),
                detail.getJsonArray("earlier").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getJsonNumber("id").longValue())
                        .toList());
        var other = api.get("api/v1/admin/surveys/product-feedback/responses/" + id, "Authorization", Api.admin());
        assertEquals(slug.equals("product-feedback") ? 200 : 404, other.statusCode());
    }

    @Test
    void theResponseBrowsersBadParametersAreNamedIn422() {
        assertEquals(
                Set.of("band", "topic", "version", "cursor", "limit", "customer"),
                browserFields(
                        "relationship-nps",
                        "band=fan&topic=weather&version=99&cursor=nonsense&limit=101&customer=nobody-at-all"));
        assertEquals(Set.of("from", "segment"), browserFields("relationship-nps", "from=2026-02-30&segment=x"));
        assertEquals(
                404,
                api.get("api/v1/admin/surveys/no-such-survey/responses", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                401, api.get("api/v1/admin/surveys/relationship-nps/responses").statusCode());
    }

    private Set<String> browserFields(String survey, String query) {
        return named("api/v1/admin/surveys/" + survey + "/responses?" + query);
    }

    private Set<String> fields(String survey, String query) {
        return named("api/v1/admin/surveys/" + survey + "/crosstab?" + query);
    }

    /** The fields a 422 problem names for this request. */
    private Set<String> named(String path) {
        var bad = api.get(path, "Authorization", Api.admin(), "Accept-Language", "en");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .collect(Collectors.toSet());
    }

    private static double share(JsonObject row, int column) {
        return row.getJsonArray("cells")
                .getJsonObject(column)
                .getJsonNumber("share")
                .doubleValue();
    }

    /** Respondents of the plan whose NPS answer lies in low..high, counted directly in the console's days. */
    private static long direct(String plan, int low, int high, LocalDate from, LocalDate to) {
        return Api.count(
                "SELECT COUNT(DISTINCT r.id) FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " JOIN customer c ON c.id = r.customer_id JOIN answer a ON a.response_id = r.id"
                        + " JOIN question q ON q.id = a.question_id WHERE s.slug = 'relationship-nps'"
                        + " AND q.question_key = 'nps' AND c.plan = ? AND a.score BETWEEN ? AND ?"
                        + " AND r.submitted_at >= ? AND r.submitted_at < ?",
                plan,
                low,
                high,
                LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
    }
}
