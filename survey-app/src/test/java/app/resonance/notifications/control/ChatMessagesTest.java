package app.resonance.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.followups.entity.AlertKind;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChatMessagesTest {

    static final String HOSTILE = "<!channel> <script>alert(1)</script> *bold* & _it_";
    static final String LINK = "https://resonance.example.com/admin/followup.xhtml?id=42";
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Messages DE = Messages.of(Locale.GERMAN);

    static AlertNotice notice(String who, String comment) {
        return new AlertNotice(
                42L,
                7L,
                "relationship-nps",
                List.of(AlertKind.DETRACTOR, AlertKind.RENEWAL_AT_RISK),
                who,
                2,
                comment,
                LINK);
    }

    static JsonObject json(String text) {
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aSlackMessageHasBlocksAndAFallbackAndShowsTheCommentAsWrittenWithoutActingOnIt() {
        JsonObject slack = json(ChatMessages.slack(notice("Berg <!here> & Co (C-7)", HOSTILE), EN));

        assertEquals(List.of(), ChatFormats.slackErrors(slack));
        assertEquals(List.of(), ChatFormats.slackInjections(slack, LINK), "no mention, tag or foreign link");
        var blocks = slack.getJsonArray("blocks");
        assertEquals(
                "New alert: Detractor · Detractor renewing within 90 days",
                blocks.getJsonObject(0).getJsonObject("text").getString("text"));
        var fields = blocks.getJsonObject(1).getJsonArray("fields");
        assertEquals(
                "Customer\nBerg <!here> & Co (C-7)", fields.getJsonObject(0).getString("text"));
        assertEquals("plain_text", fields.getJsonObject(0).getString("type"));
        assertEquals("Score\n2", fields.getJsonObject(1).getString("text"));
        JsonObject comment = blocks.getJsonObject(2).getJsonObject("text");
        assertEquals("plain_text", comment.getString("type"), "Slack shows plain_text as written");
        assertEquals("Comment\n" + HOSTILE, comment.getString("text"));
        assertFalse(comment.getBoolean("emoji"));
        assertEquals(
                "<" + LINK + "|Open the task>",
                blocks.getJsonObject(3).getJsonObject("text").getString("text"));
        assertEquals(
                "Survey relationship-nps · task 42",
                blocks.getJsonObject(4)
                        .getJsonArray("elements")
                        .getJsonObject(0)
                        .getString("text"));
        assertEquals(
                "New alert: Detractor · Detractor renewing within 90 days – Berg &lt;!here&gt; &amp; Co (C-7) – Score 2",
                slack.getString("text"));
    }

    @Test
    void aTeamsMessageIsOneAdaptiveCardWithTheCommentAsATextRunAndALinkToTheTask() {
        String body = ChatMessages.teams(notice("Anna Berg (C-7)", HOSTILE), DE);
        JsonObject teams = json(body);

        assertEquals(List.of(), ChatFormats.teamsErrors(body, teams));
        JsonObject card = teams.getJsonArray("attachments").getJsonObject(0).getJsonObject("content");
        assertEquals("1.4", card.getString("version"));
        var texts = card.getJsonArray("body");
        assertEquals(
                "Neuer Alarm: Kritiker · Kritiker mit Vertragsverlängerung in 90 Tagen",
                texts.getJsonObject(0).getString("text"));
        assertEquals("Kunde", texts.getJsonObject(1).getString("text"));
        assertEquals(
                "Anna Berg (C-7)",
                texts.getJsonObject(2).getJsonArray("inlines").getJsonObject(0).getString("text"));
        assertEquals("Kommentar", texts.getJsonObject(5).getString("text"));
        JsonObject run = texts.getJsonObject(6).getJsonArray("inlines").getJsonObject(0);
        assertEquals("TextRun", run.getString("type"), "a TextRun is not read as Markdown");
        assertEquals(HOSTILE, run.getString("text"));
        JsonObject open = card.getJsonArray("actions").getJsonObject(0);
        assertEquals("Action.OpenUrl", open.getString("type"));
        assertEquals("Aufgabe öffnen", open.getString("title"));
        assertEquals(LINK, open.getString("url"));
    }

    @Test
    void aLongCommentIsCutToWhatSlackAndTeamsTakeAndAnAnonymousRespondentIsNamedSo() {
        String comment = "é".repeat(9999) + "😀";
        JsonObject slack = json(ChatMessages.slack(notice(null, comment), EN));
        assertEquals(List.of(), ChatFormats.slackErrors(slack));
        String shown = slack.getJsonArray("blocks")
                .getJsonObject(2)
                .getJsonObject("text")
                .getString("text");
        assertEquals(ChatMessages.SLACK_SECTION, shown.length());
        assertTrue(shown.endsWith("é…"), shown.substring(shown.length() - 3));
        assertEquals(
                "Customer\nAnonymous respondent",
                slack.getJsonArray("blocks")
                        .getJsonObject(1)
                        .getJsonArray("fields")
                        .getJsonObject(0)
                        .getString("text"));

        String body = ChatMessages.teams(notice(null, comment), EN);
        assertEquals(List.of(), ChatFormats.teamsErrors(body, json(body)));
        String run = json(body)
                .getJsonArray("attachments")
                .getJsonObject(0)
                .getJsonObject("content")
                .getJsonArray("body")
                .getJsonObject(6)
                .getJsonArray("inlines")
                .getJsonObject(0)
                .getString("text");
        assertEquals(ChatMessages.TEAMS_COMMENT, run.length());
    }

    @Test
    void theCutNeverSplitsASurrogatePairOrAnEscapedEntity() {
        assertEquals("ab…", ChatMessages.cut("ab😀cd", 4));
        assertEquals("abc", ChatMessages.cut("abc", 3));
        assertEquals("x…", ChatMessages.cutEscaped("x&amp;y", 4));
        assertEquals("&amp;…", ChatMessages.cutEscaped("&amp;&amp;", 7));
    }

    @Test
    void aMailHasTheTitleAndWhoInItsSubjectAndTheCommentIndentedInItsText() {
        ChatMessages.Mail mail = ChatMessages.mail(notice("Anna Berg (C-7)", "line one\nline two"), EN);
        assertEquals(
                "Resonance alert: New alert: Detractor · Detractor renewing within 90 days – Anna Berg (C-7)",
                mail.subject());
        assertTrue(mail.text().contains("Comment:\n  line one\n  line two\n"), mail.text());
        assertTrue(mail.text().endsWith("Open the task: " + LINK + "\n"), mail.text());
    }

    @Test
    void aTestMessageSaysSoAndADestinationGetsOnlyTheKindsItWants() {
        AlertNotice test = new AlertNotice(null, null, "(test)", List.of(), "Sample", null, null, LINK);
        assertEquals("Testnachricht von Resonance", ChatMessages.title(test, DE));
        JsonObject slack = json(ChatMessages.slack(test, EN));
        assertEquals(List.of(), ChatFormats.slackErrors(slack));
        assertEquals(4, slack.getJsonArray("blocks").size(), "no comment section without a comment");

        AlertNotice renewals = notice("A (1)", null).only(List.of(AlertKind.RENEWAL_AT_RISK));
        assertEquals(List.of(AlertKind.RENEWAL_AT_RISK), renewals.kinds());
    }

    @Test
    void theFormatCheckRefusesWhatSlackAndTeamsRefuse() {
        JsonObject tooLong = json("{\"text\": \"x\", \"blocks\": [{\"type\": \"section\", \"text\": {\"type\":"
                + " \"mrkdwn\", \"text\": \"" + "a".repeat(3001) + "\"}}]}");
        assertEquals(
                List.of("blocks[0].text.text: at most 3000 characters, not 3001"), ChatFormats.slackErrors(tooLong));
        JsonObject header = json("{\"text\": \"x\", \"blocks\": [{\"type\": \"header\", \"text\": {\"type\":"
                + " \"mrkdwn\", \"text\": \"" + "a".repeat(151) + "\"}}]}");
        assertEquals(
                2,
                ChatFormats.slackErrors(header).size(),
                ChatFormats.slackErrors(header).toString());
        assertEquals(List.of("<!channel>"), ChatFormats.slackInjections(json("{\"text\": \"hi <!channel>\"}"), LINK));
        String card = "{\"type\": \"message\", \"attachments\": [{\"contentType\": \"application/json\", \"content\":"
                + " {\"type\": \"AdaptiveCard\", \"version\": \"2.0\", \"body\": [{\"type\": \"Marquee\"}]}}]}";
        assertEquals(
                3,
                ChatFormats.teamsErrors(card, json(card)).size(),
                ChatFormats.teamsErrors(card, json(card)).toString());
    }

    @Test
    void urlsAreHttpsOrLoopbackWhereAllowedAndListsShowThemMasked() {
        assertTrue(DestinationRules.urlAllowed("https://hooks.slack.com/services/T0/B0/secret", false));
        assertFalse(DestinationRules.urlAllowed("http://hooks.slack.com/services/T0/B0/secret", false));
        assertFalse(DestinationRules.urlAllowed("http://127.0.0.1:9000/hook", false));
        assertTrue(DestinationRules.urlAllowed("http://127.0.0.1:9000/hook", true));
        assertFalse(DestinationRules.urlAllowed("http://10.0.0.1/hook", true), "only the loopback may be plain http");
        assertFalse(DestinationRules.urlAllowed("https://user:pw@hooks.slack.com/x", false));
        assertFalse(DestinationRules.urlAllowed("ftp://hooks.slack.com/x", false));
        assertFalse(DestinationRules.urlAllowed(null, true));
        assertEquals(
                "https://hooks.slack.com/…cr3t",
                DestinationRules.mask("https://hooks.slack.com/services/T0000/B0000/XXXXsecr3t"));
        assertEquals("http://127.0.0.1:9000/…", DestinationRules.mask("http://127.0.0.1:9000/x"));
    }
}
