package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.CustomerPage;
import app.resonance.testing.console.FollowUpPage;
import app.resonance.testing.console.LoginPage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Closing the loop in the console, on the demo data: a detractor's response becomes an alert and a task
 * for the support lead, who gets the task mail (GreenMail), opens the task from the mail's link, adds a
 * note and closes it with a re-survey; the customer view shows the task and the score history. The
 * respondent's XSS payload is text on the task and customer pages. A viewer cannot change a task.
 */
@ExtendWith(ConsoleApp.class)
class FollowUpBrowserIT {

    static final String ADMIN_PASSWORD = ConsoleApp.ADMIN_PASSWORD;
    static final String DEMO_PASSWORD = ConsoleApp.DEMO_PASSWORD;
    static final String XSS = "Zu langsam <img src=x onerror=\"window.__xss=1\">";

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(ConsoleApp.base());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aDetractorBecomesATaskThatTheLeadIsMailedWorksAndClosesWithAResurvey() throws Exception {
        String customer = "C-00042";
        HttpResponse<String> submitted = adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 2, \"reason\": " + json(XSS) + "}, \"customer\": \"" + customer + "\"}");
        assertEquals(201, submitted.statusCode(), submitted.body());

        MimeMessage mail = awaitMail("lead@resonance.example", customer);
        assertTrue(mail.getSubject().startsWith("Neue Nachverfolgung: Kritiker"), mail.getSubject());
        var parts = (MimeMultipart) mail.getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertTrue(text.contains(XSS), "the plain text part has the comment as written: " + text);
        String html = (String) parts.getBodyPart(1).getContent();
        assertFalse(html.contains("<img"), "the HTML part escapes the comment: " + html);
        Matcher link = Pattern.compile("(/admin/followup\\.xhtml\\?id=\\d+)").matcher(text);
        assertTrue(link.find(), text);

        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        browser.open("/admin/followups.xhtml?mine=true");
        String list = browser.text(By.id("followups:table"));
        assertTrue(list.contains("Detractor"), list);
        assertTrue(list.contains(customer), list);

        FollowUpPage task = FollowUpPage.open(browser, link.group(1));
        assertEquals("Open", task.status());
        assertEquals(XSS, task.comment(), "the comment is shown as text");
        assertNoScriptRan();

        // the lead replies to the customer from the template in the customer's language
        String taskId = link.group(1).replaceAll("\\D", "");
        String template = adminGet("/api/v1/admin/followups/" + taskId + "/replies/template")
                .body();
        String subject = jsonField(template, "subject");
        String recipient = jsonField(template, "recipient");
        assertEquals(subject, task.replySubject(), "the subject from the template");
        String prefilled = task.replyBody();
        assertEquals(
                jsonField(template, "body").replaceAll("\n[^\n]*$", ""),
                prefilled.replaceAll("\n[^\n]*$", ""),
                "greeting and reference to the answer from the template");
        assertTrue(prefilled.endsWith("\nSabine Support-Lead"), prefilled);
        String reply = prefilled.replace("\n\n\n\n", "\n\n<b>Sorry</b> – we call you tomorrow.\n\n");
        task.sendReply(reply);
        assertEquals("The reply was queued for sending; it is listed under the replies.", task.messages());
        MimeMessage sent = await("the reply to " + recipient)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(ConsoleApp.smtp().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getAllRecipients()[0]
                                                .toString()
                                                .equals(recipient);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(subject, sent.getSubject());
        var replyParts = (MimeMultipart) sent.getContent();
        assertEquals(1, replyParts.getCount(), "plain text only");
        assertEquals(reply, ((String) replyParts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        assertEquals("lead@resonance.example", sent.getReplyTo()[0].toString());
        String replyHistory = await("the reply delivered in the task's history")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> String.join(
                                "\n", FollowUpPage.open(browser, link.group(1)).replies()),
                        h -> h.contains("delivered"));
        assertTrue(replyHistory.startsWith("lead → " + recipient + " · "), replyHistory);
        assertTrue(replyHistory.contains(" | " + subject + " | "), replyHistory);
        assertTrue(
                replyHistory.contains("<b>Sorry</b> – we call you tomorrow."),
                "the reply is shown as text: " + replyHistory);
        assertNoScriptRan();

        task.close("Called the customer: the delay is fixed.", "Done", true);
        assertTrue(task.messages().contains("a re-survey invitation was issued"), task.messages());
        String page = browser.text(By.tagName("body"));
        assertEquals(
                1, page.split("a re-survey invitation was issued", -1).length - 1, "the save message once: " + page);
        // Faces keeps a message in the flash only for a redirect: a save that shows its page again used to
        // make it set the flash cookie after the response and log "JSF1095 … already committed" on every save.
        String log = java.nio.file.Files.readString(ConsoleApp.log(), StandardCharsets.UTF_8);
        assertFalse(log.contains("JSF1095"), "no flash warning in the log after a save: " + ConsoleApp.log());
        assertEquals("Done", task.status());
        assertEquals("Called the customer: the delay is fixed.", task.notes());

        CustomerPage customerPage = CustomerPage.open(browser, customer);
        String heading = customerPage.heading();
        assertTrue(heading.startsWith("Customer: "), heading);
        assertEquals("2", customerPage.latest(), "the latest NPS is the detractor's 2");
        String history = customerPage.history();
        assertTrue(history.contains("relationship-nps"), history);
        assertTrue(customerPage.hasScoreLine(), "the score chart has a line");
        List<String> tasks = customerPage.tasks();
        assertTrue(
                tasks.stream()
                        .anyMatch(t -> t.contains("Done") && t.contains("Called the customer: the delay is fixed.")),
                tasks.toString());
        assertNoScriptRan();

        browser.open("/admin/comments.xhtml?survey=relationship-nps&q=onerror");
        String comments = browser.text(By.id("comments:table"));
        assertTrue(comments.contains(XSS), "the search finds the comment, shown as text: " + comments);
        assertTrue(comments.contains(customer), comments);
        assertEquals(
                XSS,
                browser.driver()
                        .findElement(By.cssSelector("#comments\\:table .comment-text"))
                        .getAttribute("title"),
                "the tooltip is the text too");
        assertNoScriptRan();
    }

    @Test
    void aViewerReadsATaskButCannotChangeIt() throws Exception {
        HttpResponse<String> submitted = adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 0}, \"customer\": \"C-00043\"}");
        assertEquals(201, submitted.statusCode(), submitted.body());
        String id = await("a task for the detractor")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Matcher m = Pattern.compile("\"id\":(\\d+)")
                                    .matcher(adminGet("/api/v1/admin/followups?customer=C-00043&status=OPEN")
                                            .body());
                            return m.find() ? m.group(1) : null;
                        },
                        Objects::nonNull);
        LoginPage.open(browser).loginAs("viewer", DEMO_PASSWORD);
        FollowUpPage task = FollowUpPage.open(browser, "/admin/followup.xhtml?id=" + id);
        assertEquals("Open", task.status());
        assertFalse(task.mayChange(), "no inputs for a viewer");
        assertEquals("You can read this task; only support leads and admins change it.", task.readOnlyNote());
    }

    @Test
    void theCommentsPageFiltersBySegmentAndKeepsTheFilterInTheUrl() throws Exception {
        long all = total(adminGet("/api/v1/admin/analytics/comments?survey=relationship-nps&limit=1")
                .body());
        long business =
                total(adminGet("/api/v1/admin/analytics/comments?survey=relationship-nps&segment=business&limit=1")
                        .body());
        assertTrue(business > 0 && business < all, business + " of " + all);
        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        browser.open("/admin/comments.xhtml?survey=relationship-nps&segment=business");
        By totalShown = By.cssSelector("[id='comments:table'] .ui-paginator-current");
        assertEquals(Long.toString(business), browser.text(totalShown), "the page counts the Business comments");
        browser.open("/admin/comments.xhtml?survey=relationship-nps");
        assertEquals(Long.toString(all), browser.text(totalShown), "without the segment every comment counts");
    }

    /** A text question chosen on the comments page: only its answers, counted as the API counts them. */
    @Test
    void theCommentsPageShowsOneTextQuestionsAnswers() throws Exception {
        long every = total(adminGet("/api/v1/admin/analytics/comments?survey=product-feedback&limit=1")
                .body());
        long wishes = total(adminGet("/api/v1/admin/analytics/comments?survey=product-feedback&question=wish&limit=1")
                .body());
        assertTrue(wishes > 0 && wishes <= every, wishes + " of " + every);
        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        browser.open("/admin/comments.xhtml?survey=product-feedback&question=wish");
        By totalShown = By.cssSelector("[id='comments:table'] .ui-paginator-current");
        assertEquals(Long.toString(wishes), browser.text(totalShown), "the page counts the wishes only");
        assertTrue(
                browser.text(By.cssSelector("[id='comments:question_label']")).startsWith("wish: "),
                "the menu names the chosen question");
    }

    /**
     * The follow-ups page leads a viewer to whether following up worked: the demo's check-in calls won back a share of
     * the detractors they reached, the page shows the API's figure with its interval, the team's and the assignee's
     * rows, and the caveat that the comparison with the detractors nobody called is observational.
     */
    @Test
    void aViewerSeesHowManyDetractorsTheCheckInCallsWonBackAndThatItIsObservational() throws Exception {
        String json = adminGet("/api/v1/admin/followups/effectiveness").body();
        // the followed-up group's recovery rate: its object's "recovered" and "value", whatever their order
        String rate = json.substring(json.indexOf("\"recovery\"", json.indexOf("\"followedUp\"")));
        Matcher count = Pattern.compile("\"recovered\":(\\d+)").matcher(rate);
        Matcher share = Pattern.compile("\"value\":([0-9.E-]+)").matcher(rate);
        assertTrue(count.find() && share.find(), json);
        long recovered = Long.parseLong(count.group(1));
        long percent = Math.round(Double.parseDouble(share.group(1)) * 100);
        assertTrue(recovered >= 30, "the demo's calls won back a measurable number: " + json);
        LoginPage.open(browser).loginAs("viewer", DEMO_PASSWORD);
        browser.open("/admin/followups.xhtml");
        browser.clickAndWaitForNextPage(By.id("effectiveness"));
        assertTrue(
                browser.find(By.id("caveat")).getText().startsWith("Observational, not an experiment"),
                browser.find(By.id("caveat")).getText());
        String called = browser.find(By.cssSelector("#comparison tbody tr")).getText();
        assertTrue(called.startsWith("With a closed follow-up task"), called);
        assertTrue(called.contains(percent + " % ("), percent + " % in " + called);
        assertTrue(called.contains(recovered + " customers"), recovered + " customers in " + called);
        assertTrue(browser.find(By.id("by-assignee")).getText().contains("Sabine Support-Lead"));
        assertTrue(browser.find(By.id("by-team")).getText().contains("Enterprise DACH"));
        assertTrue(browser.find(By.id("verdict")).getText().contains("two-proportion z test"));
    }

    @Test
    void anAnonymousDetractorBecomesATaskOnlyOnceAnAdminSaysSoAndItsTaskOffersNoResurvey() throws Exception {
        long unseen = responseId(adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 3, \"reason\": \"Nobody answers.\"}}"));
        // a known customer's detractor after it: once its task exists, the anonymous one was seen by the rules too
        adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 4}, \"customer\": \"C-00045\"}");
        await("a task for C-00045").atMost(Duration.ofSeconds(30)).until(() -> adminGet(
                        "/api/v1/admin/followups?customer=C-00045&status=OPEN")
                .body()
                .contains("\"id\":"));
        assertEquals(null, taskOf(unseen), "by default an anonymous detractor raises no task");

        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/followups.xhtml");
        assertTrue(browser.text(By.id("ruleState")).startsWith("Only detractors who are known customers"));
        setAnonymousRule(true);
        try {
            assertTrue(browser.text(By.id("ruleState")).startsWith("Detractors become tasks, also anonymous"));
            long seen = responseId(adminPost(
                    "/api/v1/admin/surveys/relationship-nps/responses",
                    "{\"answers\": {\"nps\": 3, \"reason\": \"Too slow.\", \"improve\": \"Call back faster.\"}}"));
            String id = await("a task for the anonymous detractor")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> taskOf(seen), Objects::nonNull);

            FollowUpPage task = FollowUpPage.open(browser, "/admin/followup.xhtml?id=" + id);
            assertFalse(task.offersResurvey(), "nobody to invite: no re-survey box");
            assertFalse(task.offersReply(), "nobody to write to: no reply part");
            assertEquals(
                    "No reply can be written to this customer: The response is anonymous: there is nobody to reply to.",
                    task.replyNotOffered());
            assertEquals(
                    List.of(
                            "Thank you. What is the main reason for your score? | Too slow.",
                            "What should we improve first? | Call back faster."),
                    task.answers(),
                    "each text answer under its own question");

            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/admin/followups/" + id))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", basic())
                                    .method(
                                            "PATCH",
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"status\": \"DONE\", \"resurvey\": true}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(refused.body().contains("\"field\":\"resurvey\""), refused.body());
            assertTrue(
                    adminGet("/api/v1/admin/followups/" + id).body().contains("\"status\":\"OPEN\""),
                    "the refused change changed nothing");
        } finally {
            browser.open("/admin/followups.xhtml");
            setAnonymousRule(false);
        }
        assertTrue(browser.text(By.id("ruleState")).startsWith("Only detractors who are known customers"));
    }

    /**
     * The demo's topic check found "Waiting time" rising in the dip: its task names the topic and both windows'
     * shares of the comments as the alerts API gives them, with the adjusted p, where a response's alert shows a
     * score.
     */
    @Test
    void theDemosTopicRiseTaskShowsTheTopicAndBothSharesAsTheApi() throws Exception {
        String alerts = adminGet("/api/v1/admin/alerts?limit=500").body();
        Matcher rise = Pattern.compile(
                        "\\{\"id\":\\d+,\"kind\":\"TOPIC_RISE\",\"name\":\"[^\"]*\",\"createdAt\":\"[^\"]*\","
                                + "\"topic\":\"WAITING_TIME\",\"figure\":([0-9.E-]+),\"previousFigure\":([0-9.E-]+),"
                                + "\"pValue\":([0-9.E-]+),\"followUpId\":(\\d+)\\}")
                .matcher(alerts);
        assertTrue(rise.find(), "the demo's topic rise alert: " + alerts);
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(java.util.Locale.ENGLISH);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        String share = percent.format(Double.parseDouble(rise.group(1)));
        String before = percent.format(Double.parseDouble(rise.group(2)));
        assertTrue(Double.parseDouble(rise.group(1)) > Double.parseDouble(rise.group(2)), rise.group());
        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        // the list names what the task is about where a response's task names its customer
        browser.open("/admin/followups.xhtml");
        assertTrue(
                browser.driver().findElements(By.cssSelector("[id='followups:table'] .task-concerns")).stream()
                        .anyMatch(e -> e.getText().equals("the topic \"Waiting time\" in the comments")),
                "the topic task in the list");
        browser.open("/admin/followup.xhtml?id=" + rise.group(4));
        String row = browser.find(By.cssSelector("[id$='alerts'] tbody tr")).getText();
        assertTrue(row.contains("Topic share rising significantly"), row);
        assertTrue(
                row.contains("Waiting time: " + share + " of the comments (before: " + before + "; p "),
                "the shares " + share + " and " + before + " in: " + row);
        assertTrue(row.contains("Holm-adjusted"), row);
        // a task about a topic, not a response: it names the topic, and offers no reply to a customer
        assertEquals(
                "the topic \"Waiting time\" in the comments",
                browser.find(By.id("concerns")).getText());
        assertTrue(browser.driver().findElements(By.id("replyPart")).isEmpty(), "no replies part");
        assertTrue(browser.driver().findElements(By.id("customer")).isEmpty(), "no customer");
    }

    @Test
    void theListShowsOpenTasksFirstOverdueFirstWithTheirScore() throws Exception {
        adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 5}, \"customer\": \"C-00046\"}");
        await("a task for C-00046").atMost(Duration.ofSeconds(30)).until(() -> adminGet(
                        "/api/v1/admin/followups?customer=C-00046&status=OPEN")
                .body()
                .contains("\"id\":"));
        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        browser.open("/admin/followups.xhtml");
        List<String> statuses =
                browser.driver().findElements(By.cssSelector("[id='followups:table'] .task-status")).stream()
                        .map(e -> e.getText())
                        .toList();
        List<String> rank = List.of("Open", "In progress", "Done", "Cancelled");
        assertEquals("Open", statuses.get(0), statuses.toString());
        for (int i = 1; i < statuses.size(); i++) {
            assertTrue(
                    Math.min(rank.indexOf(statuses.get(i)), 2) >= Math.min(rank.indexOf(statuses.get(i - 1)), 2),
                    "open, then in progress, then done: " + statuses);
        }
        List<String> header = browser.driver().findElements(By.cssSelector("[id='followups:table'] thead th")).stream()
                .map(e -> e.getText())
                .toList();
        assertTrue(header.contains("Score"), header.toString());
        String row = browser.driver().findElements(By.cssSelector("[id='followups:table'] tbody tr")).stream()
                .map(e -> e.getText())
                .filter(t -> t.contains("C-00046"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.matches("(?s).*\\b5\\b.*"), "the detractor's score 5 in its row: " + row);
    }

    /**
     * With anonymous detractors followed up, six from one client (the test's 127.0.0.1) through the public API
     * within the hour: the sixth is beyond the cap of 5 tasks per client and raises no task. The overview counts
     * the alerts held back and links to the follow-ups page, whose note gives the same number. Before, only the
     * follow-ups page said so (and no test looked at it): a lead who starts on the overview never learnt of them.
     */
    @Test
    void alertsHeldBackByTheCapsAreCountedOnTheOverviewAndLeadToTheFollowUpsNote() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/followups.xhtml");
        setAnonymousRule(true);
        try {
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> sent = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(
                                                browser.base() + "/api/v1/surveys/relationship-nps/responses"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"answers\": {\"nps\": 1, \"reason\": \"Cap check " + i + "\"}}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(201, sent.statusCode(), sent.body());
            }
            String[] previous = {null};
            String link = await("the overview counts held-back alerts, and the count settles")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(3))
                    .until(
                            () -> {
                                browser.open("/admin/index.xhtml");
                                String now = browser.driver().findElements(By.id("held-alerts")).stream()
                                        .map(e -> e.getText())
                                        .findFirst()
                                        .orElse(null);
                                boolean same = now != null && now.equals(previous[0]);
                                previous[0] = now;
                                return same ? now : null;
                            },
                            Objects::nonNull);
            Matcher overview = Pattern.compile("(\\d+) alerts held back by the hourly caps \\(no task, no mail\\)")
                    .matcher(link);
            assertTrue(overview.matches(), link);
            assertTrue(Integer.parseInt(overview.group(1)) >= 1, link);
            browser.clickAndWaitForNextPage(By.id("held-alerts"));
            assertTrue(
                    browser.driver().getCurrentUrl().endsWith("/admin/followups.xhtml#heldNote"),
                    browser.driver().getCurrentUrl());
            String note = browser.text(By.id("heldNote"));
            assertTrue(note.startsWith(overview.group(1) + " alerts were held back by the hourly cap since "), note);
        } finally {
            browser.open("/admin/followups.xhtml");
            setAnonymousRule(false);
        }
    }

    void setAnonymousRule(boolean on) {
        boolean ticked =
                browser.driver().findElement(By.id("rules:anonymous_input")).isSelected();
        if (ticked != on) {
            browser.click(By.cssSelector("#rules\\:anonymous .ui-chkbox-box"));
        }
        browser.clickAndWaitForNextPage(By.id("rules:saveRule"));
    }

    static long responseId(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = Pattern.compile("/responses/(\\d+)")
                .matcher(created.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), created.headers().toString());
        return Long.parseLong(m.group(1));
    }

    /** The id of the open task raised by this response, or null. */
    String taskOf(long responseId) throws Exception {
        String json = adminGet("/api/v1/admin/followups?status=OPEN&limit=500").body();
        Matcher response =
                Pattern.compile("\"responseId\":" + responseId + "(?!\\d)").matcher(json);
        if (!response.find()) {
            return null;
        }
        Matcher task = Pattern.compile("\\{\"id\":(\\d+),\"title\":").matcher(json.substring(0, response.start()));
        String id = null;
        while (task.find()) {
            id = task.group(1);
        }
        return id;
    }

    static long total(String json) {
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    void assertNoScriptRan() {
        Object flag = ((JavascriptExecutor) browser.driver()).executeScript("return window.__xss === undefined;");
        assertEquals(Boolean.TRUE, flag, "the respondent's markup ran");
        assertTrue(browser.driver()
                .findElements(By.cssSelector("main img[src='x']"))
                .isEmpty());
    }

    /** The task mail about the customer to the recipient; exactly one arrives. */
    MimeMessage awaitMail(String recipient, String customer) {
        await("a task mail to " + recipient).atMost(Duration.ofSeconds(60)).until(() -> !taskMails(recipient, customer)
                .isEmpty());
        // The outbox delivers once: no second mail may follow in the next two seconds.
        await("exactly one task mail to " + recipient)
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> taskMails(recipient, customer).size() == 1);
        return taskMails(recipient, customer).get(0);
    }

    static List<MimeMessage> taskMails(String recipient, String customer) {
        return Arrays.stream(ConsoleApp.smtp().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(recipient)
                                && m.getSubject().contains(customer);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** A string field of a flat JSON object, unescaped (\\n, \\", \\\\, \\uXXXX). */
    static String jsonField(String json, String name) {
        Matcher m =
                Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        StringBuilder text = new StringBuilder();
        String raw = m.group(1);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(next);
            }
        }
        return text.toString();
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    HttpResponse<String> adminPost(String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", basic())
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> adminGet(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + path))
                                .header("Authorization", basic())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
