package app.resonance.sharing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.Tokens;
import app.resonance.sharing.entity.ShareLink;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rules of a share link: its lifetime, its token, when it works, and what its comments never show. */
class ShareLinkRulesTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Instant MADE = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aLifetimeIsRequiredAndFromOneToNinetyDays() {
        assertEquals(List.of(), ShareLinks.check(1, EN));
        assertEquals(List.of(), ShareLinks.check(90, EN));
        List<FieldError> missing = ShareLinks.check(null, EN);
        assertEquals("expiresInDays", missing.get(0).field());
        assertEquals("required", missing.get(0).code());
        for (int days : new int[] {0, -1, 91, 365}) {
            List<FieldError> errors = ShareLinks.check(days, EN);
            assertEquals(1, errors.size(), "days " + days);
            assertEquals("expiresInDays", errors.get(0).field());
            assertEquals("Choose a value from 1 to 90.", errors.get(0).message());
        }
        assertEquals(
                "Wählen Sie einen Wert von 1 bis 90.",
                ShareLinks.check(91, Messages.of(Locale.GERMAN)).get(0).message());
    }

    @Test
    void aLinkWorksUntilItsExpiryAndNotFromItsRevocationOn() {
        // 30 days from 2026-12-07 10:00 UTC: 2027-01-06 10:00 UTC
        Instant expiry = ShareLinks.expiry(MADE, 30);
        assertEquals(Instant.parse("2027-01-06T10:00:00Z"), expiry);
        ShareLink link = new ShareLink(null, Tokens.hash("x"), false, "lead", MADE, expiry);
        assertEquals(ShareLink.Status.ACTIVE, link.status(MADE));
        assertEquals(ShareLink.Status.ACTIVE, link.status(expiry.minusSeconds(1)));
        assertEquals(ShareLink.Status.EXPIRED, link.status(expiry));
        assertEquals(ShareLink.Status.EXPIRED, link.status(expiry.plusSeconds(86_400)));

        Instant revoked = MADE.plusSeconds(3600);
        assertTrue(link.revoke(revoked));
        assertFalse(link.revoke(revoked.plusSeconds(60)), "revoked once; the first time is kept");
        assertEquals(revoked, link.revokedAt());
        assertEquals(ShareLink.Status.ACTIVE, link.status(revoked.minusSeconds(1)));
        assertEquals(ShareLink.Status.REVOKED, link.status(revoked));
        assertEquals(ShareLink.Status.REVOKED, link.status(expiry.plusSeconds(1)), "revoked wins over expired");
    }

    @Test
    void aLinkCannotExpireBeforeItIsMade() {
        assertThrows(IllegalArgumentException.class, () -> new ShareLink(null, "h", false, "lead", MADE, MADE));
    }

    @Test
    void theTokenHas256RandomBitsAndOnlyItsSha256IsStored() {
        String token = Tokens.random();
        assertTrue(Tokens.wellFormed(token), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length, "256 bits, at least the 128 asked for");
        assertNotEquals(token, Tokens.random());
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
        assertEquals(64, Tokens.hash(token).length());
        assertFalse(Tokens.wellFormed("../../etc/passwd"));
        assertFalse(Tokens.wellFormed(token + "A"));
    }

    @Test
    void commentsNeverShowAnAddressOrACustomerId() {
        assertEquals(
                "Please call me: […] or […], customer […].",
                SharedViews.blank("Please call me: anna.berg@kunde.example or o'neil+x@mail.co.uk, customer C-00042."));
        assertEquals("Support was slow.", SharedViews.blank("Support was slow."));
        assertEquals("", SharedViews.blank(null));
        // markup stays text; the page escapes it
        assertEquals("<b>great</b>", SharedViews.blank("<b>great</b>"));
    }
}
