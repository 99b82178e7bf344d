package app.resonance.responses.control;

import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
import java.time.Instant;
import java.util.List;

/** A submission whose every part was checked: ready to be stored. */
public record ValidSubmission(
        List<AnswerValue> answers,
        String locale,
        boolean partial,
        Channel channel,
        String customerExternalId,
        Instant submittedAt) {}
