package app.resonance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.client.ApiClient;
import app.resonance.client.ApiException;
import app.resonance.client.api.AdminAnalyticsApi;
import app.resonance.client.api.AdminSurveysApi;
import app.resonance.client.api.PublicSurveysApi;
import app.resonance.client.model.AdminSurvey;
import app.resonance.client.model.Figure;
import app.resonance.client.model.QuestionDraft;
import app.resonance.client.model.SegmentComparison;
import app.resonance.client.model.SegmentFigure;
import app.resonance.client.model.Submission;
import app.resonance.client.model.SubmissionReceipt;
import app.resonance.client.model.SurveyDraft;
import app.resonance.client.model.SurveyStatus;
import app.resonance.client.model.Texts;
import app.resonance.client.model.Trend;
import app.resonance.client.model.TrendPeriod;
import app.resonance.client.model.Visibility;
import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's API tour through the Java client that openapi-generator makes from the checked-in copy of the
 * OpenAPI document ({@code src/test/openapi/resonance-openapi.json}, generated at generate-test-sources), against
 * the running app: if the API changes without the document, the copy no longer equals the live /openapi; if the
 * document changes in a way the client cannot follow, this class does not compile or its calls fail.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTourClientIT {

    static final Path CHECKED_IN = Path.of("src", "test", "openapi", "resonance-openapi.json");
    static final Path LIVE = Path.of("target", "openapi", "resonance-openapi.json");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    ApiClient client;

    @BeforeEach
    void client() {
        String url = Api.loopback(base).toString();
        client = new ApiClient();
        client.updateBaseUri(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        client.setRequestInterceptor(request -> request.header("Authorization", Api.admin()));
    }

    @Test
    void theCheckedInDocumentIsTheLiveOne() throws Exception {
        var live = new Api(base).get("openapi?format=JSON");
        assertEquals(200, live.statusCode(), live.body());
        JsonObject document = withoutServers(Api.parse(live.body()).asJsonObject());
        Files.createDirectories(LIVE.getParent());
        Files.writeString(LIVE, pretty(withLocalServer(document)), StandardCharsets.UTF_8);
        JsonObject copy;
        try (var reader = Json.createReader(new StringReader(Files.readString(CHECKED_IN)))) {
            copy = withoutServers(reader.readObject());
        }
        assertEquals(
                copy,
                document,
                "The API changed but " + CHECKED_IN + " did not: review and copy " + LIVE.toAbsolutePath() + " over it"
                        + " (README, API tour), then build again so that the client is generated from it");
    }

    /** The server's address (here a random port; in the copy the local one) is the one part that is not the contract. */
    static JsonObject withoutServers(JsonObject document) {
        return Json.createObjectBuilder(document).remove("servers").build();
    }

    /** The copy names the app run locally as its server, so that the generated client's default works with it. */
    static JsonObject withLocalServer(JsonObject document) {
        var server = Json.createObjectBuilder()
                .add("url", "http://localhost:8080")
                .add("description", "The app run locally (README)");
        return Json.createObjectBuilder(document)
                .add("servers", Json.createArrayBuilder().add(server))
                .build();
    }

    static String pretty(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip() + "\n";
    }

    @Test
    void theReadmeTourRunsThroughTheGeneratedClient() throws Exception {
        var surveys = new AdminSurveysApi(client);
        var publicApi = new PublicSurveysApi(client);
        var analytics = new AdminAnalyticsApi(client);
        String slug = "tour-" + UUID.randomUUID().toString().substring(0, 8);

        // Create a survey (draft version 1), publish it
        AdminSurvey created = surveys.postAdminSurveys(new SurveyDraft()
                .slug(slug)
                .kind("CSAT")
                .title(new Texts().de("Wie war Ihr Start?").en("How was your start?"))
                .questions(List.of(
                        new QuestionDraft()
                                .id("csat")
                                .type("CSAT")
                                .text(new Texts().de("Wie zufrieden sind Sie?").en("How satisfied are you?")),
                        new QuestionDraft()
                                .id("missing")
                                .type("LONG_TEXT")
                                .required(false)
                                .text(new Texts().de("Was hat gefehlt?").en("What was missing?")))));
        assertEquals(slug, created.getSlug());
        assertEquals(SurveyStatus.DRAFT, created.getStatus());
        assertNull(created.getPublished());
        assertEquals(2, created.getDraft().getQuestions().size());
        AdminSurvey published = surveys.postAdminSurveysBySlugPublish(slug);
        assertEquals(SurveyStatus.OPEN, published.getStatus());
        assertEquals(1, published.getPublished().getVersion());
        assertEquals(
                "How was your start?",
                publicApi.getSurveysBySlug(slug).getTitle().getEn());

        // Submit with an Idempotency-Key, then retry it: the same response, nothing stored twice
        String key = UUID.randomUUID().toString();
        Submission submission = new Submission()
                .answers(Map.of("csat", 4, "missing", "A checklist"))
                .locale("en");
        var first = publicApi.postSurveysBySlugResponsesWithHttpInfo(slug, submission, key);
        assertEquals(201, first.getStatusCode());
        SubmissionReceipt receipt = first.getData();
        assertNotNull(receipt.getId());
        assertEquals(slug, receipt.getSurvey());
        var replay = publicApi.postSurveysBySlugResponsesWithHttpInfo(slug, submission, key);
        assertEquals(201, replay.getStatusCode());
        assertEquals(receipt.getId(), replay.getData().getId(), "the replay names the first response");
        assertEquals(receipt.getSubmittedAt(), replay.getData().getSubmittedAt());
        assertEquals(List.of("true"), replay.getHeaders().get("idempotent-replayed"));

        // Export: one row, the response the key stored
        var csv = analytics.getAdminAnalyticsExportsResponses(slug, "csv", null, null, null, null, null);
        List<String> rows = Files.readAllLines(csv.toPath(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertEquals(2, rows.size(), "header and one response: " + rows);
        assertTrue(rows.get(1).startsWith(receipt.getId() + ","), rows.get(1));
        assertTrue(rows.get(1).contains("A checklist"), rows.get(1));

        // Close it: no more answers
        AdminSurvey closed = surveys.postAdminSurveysBySlugClose(slug);
        assertEquals(SurveyStatus.CLOSED, closed.getStatus());
        ApiException gone = assertThrows(
                ApiException.class,
                () -> publicApi.postSurveysBySlugResponses(slug, new Submission().answers(Map.of("csat", 5)), null));
        assertEquals(410, gone.getCode());
        assertTrue(gone.getResponseBody().contains("\"status\":410"), gone.getResponseBody());

        // The demo's NPS trend of the Business segment by month, every figure with its margin
        LocalDate today = LocalDate.now(BERLIN);
        Trend trend = analytics.getAdminAnalyticsTrend(
                "relationship-nps", "NPS", null, "business", null, null, today.minusDays(330), today, "MONTH", null);
        assertEquals("business", trend.getSegment());
        plausible(trend.getTotal());
        assertTrue(trend.getTotal().getResponses() > 100, "a year of Business answers: " + trend.getTotal());
        assertTrue(
                trend.getPoints().size() >= 11, "months: " + trend.getPoints().size());
        long shown = 0;
        for (TrendPeriod point : trend.getPoints()) {
            if (point.getFigure().getVisibility() == Visibility.SHOWN) {
                plausible(point.getFigure());
                shown++;
            }
        }
        assertTrue(shown >= 10, "months with a figure: " + shown);

        // Every segment against the previous 90 days, with the z test of the change
        SegmentComparison comparison = analytics.getAdminAnalyticsSegments(
                "relationship-nps", null, null, null, null, null, today.minusDays(89), today, null, null);
        assertEquals(today.minusDays(179), comparison.getPreviousFrom());
        SegmentFigure business = comparison.getSegments().stream()
                .filter(s -> "business".equals(s.getSegment()))
                .findFirst()
                .orElseThrow();
        plausible(business.getCurrent());
        plausible(business.getPrevious());
        assertEquals(
                business.getCurrent().getValue() - business.getPrevious().getValue(),
                business.getChange().getDifference(),
                1e-9);
        double p = business.getChange().getpValue();
        assertTrue(p >= 0 && p <= 1, "p = " + p);
        assertEquals(p < 0.05, business.getChange().getSignificant());
    }

    /** A shown NPS figure: value on the scale, a positive margin, the interval around the value. */
    static void plausible(Figure figure) {
        assertEquals(Visibility.SHOWN, figure.getVisibility(), figure.toString());
        double value = figure.getValue();
        double margin = figure.getMarginOfError();
        assertTrue(value >= -100 && value <= 100, figure.toString());
        assertTrue(margin > 0 && margin < 100, figure.toString());
        assertEquals(value - margin, figure.getLow(), 0.05, figure.toString());
        assertEquals(value + margin, figure.getHigh(), 0.05, figure.toString());
        assertTrue(figure.getResponses() > 0, figure.toString());
    }
}
