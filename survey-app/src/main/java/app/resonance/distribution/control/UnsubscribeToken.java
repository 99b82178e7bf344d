package app.resonance.distribution.control;

import app.resonance.distribution.entity.Suppression;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a recipient's unsubscribe link: the normalised address and an HMAC-SHA256 of it under the
 * application's unsubscribe key ({@code AppSecrets}), both base64url. Nothing is stored per mail, the link works on
 * every instance and for as long as the key lives, and no one can make a token for an address without the key.
 */
public final class UnsubscribeToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public UnsubscribeToken(byte[] key) {
        this.key = key.clone();
    }

    /** The token for this address (normalised first). */
    public String issue(String email) {
        String address = Suppression.normalise(email);
        return ENCODER.encodeToString(address.getBytes(StandardCharsets.UTF_8)) + "." + sign(address);
    }

    /** The address a token was issued for, or empty if it is malformed or its signature does not match. */
    public Optional<String> address(String token) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String address;
        try {
            address = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = sign(address).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) && address.equals(Suppression.normalise(address))
                ? Optional.of(address)
                : Optional.empty();
    }

    private String sign(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(("unsubscribe\n" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
