package app.resonance.console.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.digests.control.Digests;
import app.resonance.platform.control.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's digest form: the draft it sends to the checks and where their errors are shown. */
class DigestFormTest {

    static DigestForm form(String cadence, List<String> users, String addresses) {
        DigestForm form = new DigestForm();
        form.clear("de");
        form.setCadence(cadence);
        form.setWeekday("FRIDAY");
        form.setDayOfMonth(15);
        form.setHour(7);
        form.setUsers(users);
        form.setAddresses(addresses);
        return form;
    }

    @Test
    void aWeeklyDraftCarriesItsWeekdayAndTheUsersThenTheAddressesInTheFormsLanguage() {
        Digests.Draft draft = form("WEEKLY", List.of("lead"), " a@example.com,\nb@example.com ; ")
                .draft();
        assertEquals("FRIDAY", draft.weekday());
        assertEquals(null, draft.dayOfMonth(), "the hidden day is not sent");
        assertEquals(7, draft.hour());
        assertEquals(
                List.of(
                        new Digests.RecipientDraft("lead", null, null),
                        new Digests.RecipientDraft(null, "a@example.com", "de"),
                        new Digests.RecipientDraft(null, "b@example.com", "de")),
                draft.recipients());
    }

    @Test
    void aMonthlyDraftCarriesItsDayAndNoWeekday() {
        Digests.Draft draft = form("MONTHLY", List.of(), "a@example.com").draft();
        assertEquals(null, draft.weekday());
        assertEquals(15, draft.dayOfMonth());
    }

    @Test
    void eachRecipientsErrorIsShownAtTheUsersOrTheAddressesNamingWhom() {
        DigestForm form = form("WEEKLY", List.of("ghost"), "a@example.com, not-an-address");
        assertEquals(
                List.of(
                        new FieldError("users", "unknownUser", "ghost: unknown"),
                        new FieldError("addresses", "email", "not-an-address: no address"),
                        new FieldError("users", "digestNoRecipients", "none"),
                        new FieldError("hour", "range", "0-23")),
                form.onFields(List.of(
                        new FieldError("recipients[0].user", "unknownUser", "unknown"),
                        new FieldError("recipients[2].email", "email", "no address"),
                        new FieldError("recipients", "digestNoRecipients", "none"),
                        new FieldError("hour", "range", "0-23"))));
    }
}
