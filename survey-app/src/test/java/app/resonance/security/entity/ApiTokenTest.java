package app.resonance.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.entity.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");

    static ApiToken token(Set<Scope> scopes) {
        return new ApiToken(null, "crm", "hash", scopes, CREATED, CREATED.plusSeconds(3600));
    }

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() {
        var token = token(Set.of(Scope.READ_ANALYTICS));
        assertNull(token.lastUsedAt(), "never used");
        token.used(CREATED.plusSeconds(5));
        assertEquals(CREATED.plusSeconds(5), token.lastUsedAt(), "the first use is noted");
        token.used(CREATED.plusSeconds(64));
        assertEquals(CREATED.plusSeconds(5), token.lastUsedAt(), "a use within the minute changes nothing");
        token.used(CREATED.plusSeconds(65));
        assertEquals(CREATED.plusSeconds(65), token.lastUsedAt(), "a minute after the noted use, noted again");
    }

    @Test
    void aTokenIsRefusedFromItsExpiryOn() {
        var token = token(Set.of(Scope.READ_ANALYTICS));
        assertFalse(token.expired(CREATED.plusSeconds(3599)));
        assertTrue(token.expired(CREATED.plusSeconds(3600)), "at the expiry itself");
        assertTrue(token.expired(CREATED.plusSeconds(86_400)));
    }

    @Test
    void scopesAreStoredByTheirWireNamesAndReadBack() {
        var token = token(EnumSet.of(Scope.ADMIN, Scope.READ_ANALYTICS));
        assertEquals(EnumSet.of(Scope.READ_ANALYTICS, Scope.ADMIN), token.scopes());
        assertEquals("read:analytics admin", Scope.store(token.scopes()));
        assertEquals(EnumSet.of(Scope.WRITE_SURVEYS), Scope.read(" write:surveys  delete:everything "));
    }

    @Test
    void aRoleAllowsOnlyTheScopesItCouldUse() {
        assertEquals(EnumSet.of(Scope.READ_ANALYTICS, Scope.READ_RESPONSES), Role.VIEWER.scopes());
        assertEquals(
                EnumSet.of(Scope.READ_ANALYTICS, Scope.READ_RESPONSES, Scope.WRITE_RESPONSES),
                Role.SUPPORT_LEAD.scopes());
        assertEquals(EnumSet.allOf(Scope.class), Role.ADMIN.scopes());
    }
}
