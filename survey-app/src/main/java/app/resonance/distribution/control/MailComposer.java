package app.resonance.distribution.control;

import app.resonance.customers.entity.Customer;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.Invitations.IssuedInvitation;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyVersion;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes invitation and reminder mails in the customer's language (if the survey offers it, otherwise
 * the survey's default): a greeting, the personal link, and for NPS surveys the one-click score row.
 * Every text from the survey or the customer is HTML-escaped in the HTML part.
 */
public final class MailComposer {

    private MailComposer() {}

    public static String language(Customer customer, SurveyVersion version) {
        String preferred = customer.preferredLocale() == null
                ? null
                : customer.preferredLocale().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return preferred != null && version.languages().contains(preferred) ? preferred : version.defaultLocale();
    }

    public static OutboxMail compose(
            OutboxMail.Kind kind,
            Customer customer,
            SurveyVersion version,
            IssuedInvitation invitation,
            String baseUrl,
            Instant now,
            Instant notBefore) {
        String language = language(customer, version);
        Messages messages = Messages.of(Locale.forLanguageTag(language));
        String title = text(version.title(), language);
        String link = baseUrl + invitation.path();
        String prefix = kind == OutboxMail.Kind.REMINDER ? "mail.reminder." : "mail.invitation.";
        String subject = messages.get(prefix + "subject", title);
        String greeting = messages.get("mail.greeting", customer.name());
        String intro = messages.get(prefix + "intro", title);
        boolean nps = version.questions().stream()
                .findFirst()
                .map(q -> q.type() == QuestionType.NPS)
                .orElse(false);

        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.append("<p>")
                .append(escape(greeting))
                .append("</p><p>")
                .append(escape(intro))
                .append("</p>");
        if (nps) {
            String question = text(version.questions().get(0).text(), language);
            text.append(question).append('\n');
            html.append("<p><strong>").append(escape(question)).append("</strong></p><p>");
            for (int score = 0; score <= 10; score++) {
                String scoreLink = baseUrl + invitation.scorePath(score);
                text.append(score).append(": ").append(scoreLink).append('\n');
                html.append("<a class=\"score\" href=\"")
                        .append(escape(scoreLink))
                        .append("\" style=\"display:inline-block;padding:6px 9px;margin:2px;border:1px solid #888;"
                                + "border-radius:4px;text-decoration:none\">")
                        .append(score)
                        .append("</a>");
            }
            html.append("</p>");
            text.append('\n');
        }
        String open = messages.get("mail.openSurvey");
        text.append(open).append(": ").append(link).append("\n\n").append(messages.get("mail.footer"));
        html.append("<p><a class=\"survey-link\" href=\"")
                .append(escape(link))
                .append("\">")
                .append(escape(open))
                .append("</a></p><p style=\"color:#666\">")
                .append(escape(messages.get("mail.footer")))
                .append("</p></body></html>");
        return new OutboxMail(
                kind,
                invitation.invitationId(),
                customer.email(),
                subject,
                text.toString(),
                html.toString(),
                now,
                notBefore);
    }

    static String text(LocalizedText text, String language) {
        if (text == null) {
            return "";
        }
        String value = "de".equals(language) ? text.de() : text.en();
        return value == null ? (text.en() == null ? text.de() : text.en()) : value;
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
