package app.resonance.console.analytics;

import app.resonance.digests.control.Digests;
import app.resonance.digests.entity.Cadence;
import app.resonance.digests.entity.Digest;
import app.resonance.digests.entity.DigestRecipient;
import app.resonance.platform.control.FieldError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The views page's form for one digest (new, or the one being changed): cadence, weekday or day of the month, hour,
 * zone, paused, the users and the addresses with their language. It makes the draft {@link Digests} checks, as the
 * API's, and names each error by the form's field (a recipient's error by the users' or the addresses' field).
 */
public class DigestForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern RECIPIENT = Pattern.compile("recipients\\[(\\d+)](\\.(\\w+))?");

    private Long editing;
    private String cadence = Cadence.WEEKLY.name();
    private String weekday = "MONDAY";
    private Integer dayOfMonth = 1;
    private Integer hour = Digests.DEFAULT_HOUR;
    private String zone = Digests.DEFAULT_ZONE;
    private boolean paused;
    private List<String> users = new ArrayList<>();
    private String addresses;
    private String language;

    /** The addresses as typed: separated by commas, semicolons, spaces or lines. */
    List<String> addressList() {
        return addresses == null || addresses.isBlank()
                ? List.of()
                : Arrays.stream(addresses.strip().split("[,;\\s]+")).toList();
    }

    /** The draft: the weekday only for a weekly digest, the day only for a monthly one. */
    Digests.Draft draft() {
        boolean weekly = Cadence.WEEKLY.name().equals(cadence);
        List<Digests.RecipientDraft> recipients = new ArrayList<>();
        users.forEach(u -> recipients.add(new Digests.RecipientDraft(u, null, null)));
        addressList().forEach(a -> recipients.add(new Digests.RecipientDraft(null, a, language)));
        return new Digests.Draft(
                cadence, weekly ? weekday : null, weekly ? null : dayOfMonth, hour, zone, paused, recipients);
    }

    /** The checker's errors named by this form's fields; an address's error names the address. */
    List<FieldError> onFields(List<FieldError> errors) {
        List<String> typed = addressList();
        List<FieldError> mapped = new ArrayList<>();
        for (FieldError error : errors) {
            Matcher m = RECIPIENT.matcher(error.field());
            if (error.field().equals("recipients")) {
                mapped.add(new FieldError("users", error.code(), error.message()));
            } else if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index < users.size()) {
                    mapped.add(new FieldError("users", error.code(), users.get(index) + ": " + error.message()));
                } else {
                    String field = "language".equals(m.group(3)) ? "language" : "addresses";
                    String address = typed.get(index - users.size());
                    mapped.add(new FieldError(field, error.code(), address + ": " + error.message()));
                }
            } else {
                mapped.add(error);
            }
        }
        return mapped;
    }

    /** Fills the form with a digest to change it. */
    void load(Digest digest) {
        editing = digest.id();
        cadence = digest.cadence().name();
        weekday = digest.weekday() == null ? "MONDAY" : digest.weekday().name();
        dayOfMonth = digest.monthDay() == null ? 1 : digest.monthDay();
        hour = digest.hour();
        zone = digest.zone().getId();
        paused = digest.paused();
        users = new ArrayList<>(digest.recipients().stream()
                .map(DigestRecipient::username)
                .filter(u -> u != null)
                .toList());
        List<DigestRecipient> typed =
                digest.recipients().stream().filter(r -> r.username() == null).toList();
        addresses = String.join("\n", typed.stream().map(DigestRecipient::email).toList());
        language = typed.isEmpty() ? language : typed.get(0).language();
    }

    /** Empties the form for a new digest, its addresses in {@code defaultLanguage}. */
    void clear(String defaultLanguage) {
        editing = null;
        cadence = Cadence.WEEKLY.name();
        weekday = "MONDAY";
        dayOfMonth = 1;
        hour = Digests.DEFAULT_HOUR;
        zone = Digests.DEFAULT_ZONE;
        paused = false;
        users = new ArrayList<>();
        addresses = null;
        language = defaultLanguage;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public Long getEditing() {
        return editing;
    }

    public boolean isWeekly() {
        return Cadence.WEEKLY.name().equals(cadence);
    }

    public String getCadence() {
        return cadence;
    }

    public void setCadence(String cadence) {
        this.cadence = cadence;
    }

    public String getWeekday() {
        return weekday;
    }

    public void setWeekday(String weekday) {
        this.weekday = weekday;
    }

    public Integer getDayOfMonth() {
        return dayOfMonth;
    }

    public void setDayOfMonth(Integer dayOfMonth) {
        this.dayOfMonth = dayOfMonth;
    }

    public Integer getHour() {
        return hour;
    }

    public void setHour(Integer hour) {
        this.hour = hour;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public List<String> getUsers() {
        return users;
    }

    public void setUsers(List<String> users) {
        this.users = users == null ? new ArrayList<>() : new ArrayList<>(users);
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
