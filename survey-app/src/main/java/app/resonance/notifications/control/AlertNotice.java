package app.resonance.notifications.control;

import app.resonance.followups.entity.AlertKind;
import java.util.List;

/**
 * What a notification says about a task's alerts, before it is put in a destination's language and format: the
 * survey, the rules that fired, who (a customer's name and id, a segment's name, or nobody for an anonymous
 * respondent), the score, the respondent's comment as they wrote it, and the link to the task (or, for alerts of
 * rules that notify without making a task, to the response).
 *
 * @param followUpId the task; null when the alerts made none (then {@code responseId} names the response)
 * @param responseId the response the alerts are about; null for a task about a segment and for a test message
 * @param who the customer ("Anna Berg (C-1)") or segment; null for an anonymous respondent
 * @param score the score that fired the rules; null for a segment's decline
 * @param comment the respondent's free text, unescaped; null for none
 * @param change a segment's decline in words ("-12.0, was 20.0, p = 0.01") where it has no task; else null
 */
public record AlertNotice(
        Long followUpId,
        Long responseId,
        String survey,
        List<AlertKind> kinds,
        String who,
        Integer score,
        String comment,
        String link,
        String change) {

    public AlertNotice {
        kinds = List.copyOf(kinds);
    }

    /** A notice about a task or a response (no segment's change in words). */
    public AlertNotice(
            Long followUpId,
            Long responseId,
            String survey,
            List<AlertKind> kinds,
            String who,
            Integer score,
            String comment,
            String link) {
        this(followUpId, responseId, survey, kinds, who, score, comment, link, null);
    }

    /** The same notice about only the alert kinds a destination wants. */
    public AlertNotice only(List<AlertKind> wanted) {
        return new AlertNotice(
                followUpId,
                responseId,
                survey,
                kinds.stream().filter(wanted::contains).toList(),
                who,
                score,
                comment,
                link,
                change);
    }

    /** Whether the notice is about a response whose alerts made no task. */
    public boolean untasked() {
        return followUpId == null && responseId != null;
    }

    /** About a segment's decline whose rule only notifies: neither a task nor a response, the link opens its dashboard. */
    public boolean segmentOnly() {
        return followUpId == null && responseId == null && !kinds.isEmpty();
    }
}
