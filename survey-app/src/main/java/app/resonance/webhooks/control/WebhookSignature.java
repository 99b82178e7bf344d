package app.resonance.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery is ours, per the Standard Webhooks specification
 * (standardwebhooks.com): headers {@code webhook-id} (the event's id, the same on every retry),
 * {@code webhook-timestamp} (unix seconds of this attempt) and {@code webhook-signature}
 * ({@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}), keyed with the secret's bytes: the
 * base64 after {@code whsec_}. The official verifiers of the specification accept these deliveries.
 *
 * <p>For one release deliveries also carry the older {@code Resonance-Signature: t=<unix seconds>,v1=<hex>}
 * (HMAC-SHA256 over {@code "<t>.<body>"} keyed with the whole secret text) for receivers built on it.
 */
public final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /** Every header a delivery carries to prove where it came from, in the order they are sent. */
    public static Map<String, String> standardHeaders(String secret, String id, long unixSeconds, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(unixSeconds));
        headers.put("webhook-signature", standard(secret, id, unixSeconds, body));
        headers.put("Resonance-Signature", header(secret, unixSeconds, body));
        return headers;
    }

    /** {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">} with the secret's decoded bytes. */
    public static String standard(String secret, String id, long unixSeconds, String body) {
        byte[] mac = mac(key(secret), id + "." + unixSeconds + "." + body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    /** A new secret as the specification writes it: {@code whsec_} and the standard base64 of 24 random bytes. */
    public static String newSecret(byte[] random) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(random);
    }

    /**
     * The key bytes of a secret: the base64 after {@code whsec_}. Secrets made before this release are
     * URL-safe base64 without padding; they decode to their bytes as well.
     */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(encoded)
                    : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The older header, kept for one release: {@code t=<unix seconds>,v1=<hex>}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    public static String hmac(String secret, String text) {
        return HexFormat.of().formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), text));
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
