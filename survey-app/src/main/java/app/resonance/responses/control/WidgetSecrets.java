package app.resonance.responses.control;

import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.AppSecrets;
import app.resonance.responses.entity.WidgetSecret;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each survey's widget secret: created or rotated by an admin (the clear text is answered once), sealed with AES-GCM
 * under the application's widget key (bound to the survey's id), and opened only to check a signature.
 */
@ApplicationScoped
public class WidgetSecrets {

    static final String PREFIX = "wsk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A new secret (32 random bytes, {@code wsk_} and URL-safe base64), or the current one replaced; audited. */
    @Transactional
    public Issued rotate(Survey survey) {
        long surveyId = survey.id();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sealed = seal(secrets.widgetKey(), surveyId, secret);
        Instant now = clock.instant();
        WidgetSecret existing = em.find(WidgetSecret.class, surveyId);
        if (existing == null) {
            em.persist(new WidgetSecret(surveyId, sealed, now));
        } else {
            existing.replace(sealed, now);
        }
        em.flush();
        audit.record(AuditArea.SURVEY, survey.slug(), existing == null ? "widgetSecretCreated" : "widgetSecretRotated");
        return new Issued(secret, now);
    }

    /** When the survey's secret was created, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> createdAt(long surveyId) {
        return Optional.ofNullable(em.find(WidgetSecret.class, surveyId)).map(WidgetSecret::createdAt);
    }

    /** Removes the secret (audited): the widget then answers anonymously only. */
    @Transactional
    public void remove(Survey survey) {
        WidgetSecret existing = em.find(WidgetSecret.class, survey.id());
        if (existing != null) {
            em.remove(existing);
            audit.record(AuditArea.SURVEY, survey.slug(), "widgetSecretRemoved");
        }
    }

    /** The clear secret, to check a signature with. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> secret(long surveyId) {
        return Optional.ofNullable(em.find(WidgetSecret.class, surveyId))
                .map(s -> open(secrets.widgetKey(), surveyId, s.sealed()));
    }

    /** A secret just issued: shown once. */
    public record Issued(String secret, Instant createdAt) {}

    static String seal(byte[] key, long surveyId, String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, surveyId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String open(byte[] key, long surveyId, String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, 12), surveyId);
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A widget secret cannot be opened with this application's key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, long surveyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(ByteBuffer.allocate(8).putLong(surveyId).array());
        return cipher;
    }
}
