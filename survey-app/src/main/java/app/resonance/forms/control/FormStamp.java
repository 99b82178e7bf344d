package app.resonance.forms.control;

import app.resonance.platform.control.AppSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed time stamp put into every form when it is shown. A submission that comes back faster than a
 * person can fill in a form, or with a forged stamp, is not stored. The key is shared by every instance
 * of the application (see {@link AppSecrets}).
 */
public final class FormStamp {

    private final byte[] key;

    public FormStamp(byte[] key) {
        this.key = key.clone();
    }

    public String issue(Instant now) {
        String millis = Long.toString(now.toEpochMilli());
        return millis + "." + sign(millis);
    }

    /** How long ago the form was shown, or null if the stamp is missing or forged. */
    public Duration age(String stamp, Instant now) {
        if (stamp == null || stamp.length() > 100) {
            return null;
        }
        int dot = stamp.indexOf('.');
        if (dot < 1) {
            return null;
        }
        String millis = stamp.substring(0, dot);
        byte[] expected = sign(millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || !millis.matches("\\d{1,15}")) {
            return null;
        }
        return Duration.between(Instant.ofEpochMilli(Long.parseLong(millis)), now);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
