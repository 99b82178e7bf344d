package app.resonance.console.followups;

import app.resonance.analytics.control.Topics;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.FollowUp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a task without a response is about, in the console's language: the topic whose share of the comments rose
 * ("the topic "Waiting time" in the comments"), or the segment whose NPS fell. The list and the task page say this
 * where a response's task names its customer.
 */
@RequestScoped
public class TaskConcerns {

    @Inject
    Topics topics;

    @Inject
    SegmentCatalog segments;

    /** Null for a task about a response; "–" when the topic or segment cannot be named. */
    public String of(FollowUp task, List<Alert> alerts) {
        if (task.responseId() != null) {
            return null;
        }
        Locale locale = Faces.locale();
        var topic =
                alerts.stream().map(Alert::topicKey).filter(Objects::nonNull).findFirst();
        if (topic.isPresent()) {
            return Faces.text("followup.concernsTopic", topicName(topic.get(), locale));
        }
        if (task.segmentId() != null) {
            return segments.all().stream()
                    .filter(s -> task.segmentId().equals(s.id()))
                    .findFirst()
                    .map(s -> Faces.text("followup.concernsSegment", s.name().in(locale)))
                    .orElse("–");
        }
        return "–";
    }

    /** A topic's name in the console's language; a removed topic by its key. */
    public String topicName(String key, Locale locale) {
        return topics.all().stream()
                .filter(t -> t.key().equals(key))
                .map(t -> t.name(locale))
                .findFirst()
                .orElse(key);
    }
}
