package app.resonance.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() {
        Instant created = Instant.parse("2026-12-06T10:00:00Z");
        var token = new ApiToken(null, "crm", "hash", created);
        assertNull(token.lastUsedAt(), "never used");
        token.used(created.plusSeconds(5));
        assertEquals(created.plusSeconds(5), token.lastUsedAt(), "the first use is noted");
        token.used(created.plusSeconds(64));
        assertEquals(created.plusSeconds(5), token.lastUsedAt(), "a use within the minute changes nothing");
        token.used(created.plusSeconds(65));
        assertEquals(created.plusSeconds(65), token.lastUsedAt(), "a minute after the noted use, noted again");
    }
}
