package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rules of a token request: a name, known scopes within the user's role, 1 to 365 days. */
class ApiTokensTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);

    static AppUser user(Role role) {
        return new AppUser("u", "U", "hash", role, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void aRequestWithinTheRoleIsAccepted() {
        assertEquals(List.of(), ApiTokens.check(user(Role.VIEWER), "bi", List.of("read:analytics"), 90, EN));
        assertEquals(
                List.of(),
                ApiTokens.check(user(Role.SUPPORT_LEAD), "loop", List.of("read:responses", "write:responses"), 1, EN));
        assertEquals(
                List.of(),
                ApiTokens.check(
                        user(Role.ADMIN),
                        "all",
                        List.of("read:analytics", "read:responses", "write:responses", "write:surveys", "admin"),
                        365,
                        EN));
    }

    @Test
    void scopesBeyondTheRoleAreRefusedNamingScopesAndWhatTheRoleAllows() {
        var errors = ApiTokens.check(user(Role.VIEWER), "bi", List.of("read:analytics", "write:surveys"), 90, EN);
        assertEquals(List.of("scopes:scopeBeyondRole"), fields(errors));
        assertEquals(
                "Your role does not allow write:surveys; it allows: read:analytics read:responses.",
                errors.get(0).message());
        assertEquals(
                List.of("scopes:scopeBeyondRole"),
                fields(ApiTokens.check(user(Role.SUPPORT_LEAD), "x", List.of("admin"), 90, EN)));
    }

    @Test
    void missingOrUnknownScopesABadNameAndALifetimeOutside1To365DaysAreNamed() {
        assertEquals(
                List.of("name:required", "scopes:required", "expiresInDays:outOfRange"),
                fields(ApiTokens.check(user(Role.ADMIN), " ", List.of(), 0, EN)));
        assertEquals(
                List.of("name:tooLong", "scopes:oneOf", "expiresInDays:outOfRange"),
                fields(ApiTokens.check(user(Role.ADMIN), "n".repeat(101), List.of("delete:all"), 366, EN)));
        assertEquals(
                List.of("name:badCharacters"),
                fields(ApiTokens.check(user(Role.ADMIN), "a\u0000b", List.of("admin"), 30, EN)));
    }
}
