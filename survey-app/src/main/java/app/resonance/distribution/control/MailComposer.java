package app.resonance.distribution.control;

import app.resonance.customers.entity.Customer;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.Invitations.IssuedInvitation;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes invitation and reminder mails in the customer's language (if the survey offers it, otherwise
 * the survey's default): a greeting, the personal link, for NPS surveys the one-click score row, and the
 * recipient's unsubscribe link (also given to the outbox for the one-click {@code List-Unsubscribe} header).
 * The HTML part comes from a template that escapes every value, so nothing from the survey or the customer
 * can become markup.
 */
public final class MailComposer {

    private MailComposer() {}

    /** What the HTML part shows (templates/mail/invitation.mustache, which escapes every value). */
    record Html(
            String greeting,
            String intro,
            boolean nps,
            String question,
            List<Score> scores,
            String link,
            String open,
            String footer,
            String unsubscribe,
            String unsubscribeText,
            String unsubscribeLabel) {}

    /** One score of the one-click row and its link. */
    record Score(int score, String link) {}

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
            String unsubscribeUrl,
            Instant now,
            Instant notBefore) {
        String language = language(customer, version);
        Messages messages = Messages.respondent(language);
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
        String question = "";
        List<Score> scores = new ArrayList<>();
        if (nps) {
            question = text(version.questions().get(0).text(), language);
            text.append(question).append('\n');
            for (int score = 0; score <= 10; score++) {
                String scoreLink = baseUrl + invitation.scorePath(score);
                text.append(score).append(": ").append(scoreLink).append('\n');
                scores.add(new Score(score, scoreLink));
            }
            text.append('\n');
        }
        String open = messages.get("mail.openSurvey");
        String footer = messages.get("mail.footer");
        text.append(open).append(": ").append(link).append("\n\n").append(footer);
        String unsubscribeText = messages.get("mail.unsubscribeText");
        String unsubscribeLabel = messages.get("mail.unsubscribe");
        if (unsubscribeUrl != null) {
            text.append("\n\n")
                    .append(unsubscribeText)
                    .append(' ')
                    .append(unsubscribeLabel)
                    .append(": ")
                    .append(unsubscribeUrl);
        }
        String html = Templates.render(
                "mail/invitation.mustache",
                new Html(
                        greeting,
                        intro,
                        nps,
                        question,
                        scores,
                        link,
                        open,
                        footer,
                        unsubscribeUrl,
                        unsubscribeText,
                        unsubscribeLabel));
        return new OutboxMail(
                        kind,
                        invitation.invitationId(),
                        customer.email(),
                        subject,
                        text.toString(),
                        html,
                        now,
                        notBefore)
                .unsubscribeAt(unsubscribeUrl);
    }

    static String text(LocalizedText text, String language) {
        if (text == null) {
            return "";
        }
        String value = text.in(language);
        return value == null ? "" : value;
    }
}
