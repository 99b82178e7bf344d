package app.resonance.responses.control;

import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submission whose every part was checked: ready to be stored. {@code hiddenFields} holds only declared names with
 * cleaned values; {@code signedCustomer} is what the widget's site signed, not checked yet (see {@link WidgetIdentity}).
 */
public record ValidSubmission(
        List<AnswerValue> answers,
        String locale,
        boolean partial,
        Channel channel,
        String customerExternalId,
        Instant submittedAt,
        Map<String, String> hiddenFields,
        SignedCustomer signedCustomer) {

    public ValidSubmission(
            List<AnswerValue> answers,
            String locale,
            boolean partial,
            Channel channel,
            String customerExternalId,
            Instant submittedAt) {
        this(answers, locale, partial, channel, customerExternalId, submittedAt, Map.of(), null);
    }

    /** The same submission for this customer (an identity the widget's site signed and that was verified). */
    public ValidSubmission identified(String externalId) {
        return new ValidSubmission(answers, locale, partial, channel, externalId, submittedAt, hiddenFields, null);
    }

    /** A customer id as the widget's site signed it: {@code sig} = hex HMAC-SHA256(secret, customer + "." + ts). */
    public record SignedCustomer(String customer, String ts, String sig) {}
}
