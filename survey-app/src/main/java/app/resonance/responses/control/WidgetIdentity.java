package app.resonance.responses.control;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.responses.control.ValidSubmission.SignedCustomer;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identified widget: a company's site passes its customer id signed with the survey's widget secret,
 * {@code sig} = hex HMAC-SHA256(secret, customer + "." + ts) with {@code ts} in unix seconds, good within
 * {@link #WINDOW} of this server's clock either way. A valid signature for a known customer of a survey that is not
 * anonymous identifies the respondent; anything else (no signature, forged, expired, unknown customer, no secret)
 * leaves the answer anonymous, and nobody is told why.
 */
@ApplicationScoped
public class WidgetIdentity {

    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Pattern TS = Pattern.compile("\\d{1,12}");
    private static final Pattern SIG = Pattern.compile("[0-9a-fA-F]{64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    WidgetSecrets secrets;

    @Inject
    CustomerDirectory customers;

    /** The customer the signature names, if it is valid now and the customer is known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Customer> verify(Survey survey, SignedCustomer signed, Instant now) {
        if (signed == null || survey.anonymous()) {
            return Optional.empty();
        }
        Optional<String> secret = secrets.secret(survey.id());
        if (secret.isEmpty() || !valid(secret.get(), signed, now)) {
            return Optional.empty();
        }
        return customers.byExternalId(signed.customer());
    }

    /** Whether the signature is well formed, within the window and right (compared in constant time). */
    static boolean valid(String secret, SignedCustomer signed, Instant now) {
        if (signed.customer() == null
                || signed.customer().isEmpty()
                || signed.customer().length() > 100
                || signed.ts() == null
                || !TS.matcher(signed.ts()).matches()
                || signed.sig() == null
                || !SIG.matcher(signed.sig()).matches()) {
            return false;
        }
        long ts = Long.parseLong(signed.ts());
        if (Math.abs(now.getEpochSecond() - ts) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, signed.customer(), signed.ts());
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signed.sig()));
    }

    /** HMAC-SHA256 of {@code customer + "." + ts}, keyed with the secret's text (UTF-8). */
    public static byte[] sign(String secret, String customer, String ts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((customer + "." + ts).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
