package app.resonance.console.notifications;

import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.followups.entity.AlertKind;
import app.resonance.notifications.control.DestinationRules;
import app.resonance.notifications.control.Destinations;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The notification destinations (ADMIN, {@code /admin/manage/notifications}): the list with masked URLs and message
 * counts, a test message, enabling, removing, and a form for a new Slack, Teams or e-mail destination. The rules
 * (https, addresses, kinds, surveys) are {@link Destinations}'s, as in the API.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Destinations destinations;

    @Inject
    transient SurveyCatalog catalog;

    @Inject
    CurrentUser currentUser;

    private String kind = "SLACK";
    private String name;
    private String url;
    private String addresses;
    private String language = "en";
    private List<String> alertKinds = new ArrayList<>();
    private List<String> surveys = new ArrayList<>();

    /** Read once per request (the table asks several times); null after a change. */
    private transient List<Destinations.Destination> list;

    public List<Destinations.Destination> getDestinations() throws SQLException {
        if (list == null) {
            list = destinations.all();
        }
        return list;
    }

    public void create() throws SQLException {
        if (!currentUser.isAdmin()) {
            return;
        }
        var draft = new DestinationRules.Draft(
                kind,
                name,
                "EMAIL".equals(kind) ? null : url,
                "EMAIL".equals(kind) && addresses != null
                        ? Arrays.stream(addresses.split("[,;\\s]+"))
                                .filter(a -> !a.isBlank())
                                .toList()
                        : null,
                language,
                alertKinds.isEmpty() ? null : alertKinds,
                surveys.isEmpty() ? null : surveys,
                true);
        var errors = destinations.check(draft, false, Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("create", errors);
            return;
        }
        destinations.create(draft);
        list = null;
        Faces.info("notifications.created", name.strip());
        name = null;
        url = null;
        addresses = null;
    }

    public void test(Destinations.Destination d) throws SQLException {
        if (currentUser.isAdmin()) {
            Faces.info("notifications.testQueued", destinations.test(d.id()), d.name());
            list = null;
        }
    }

    public void toggle(Destinations.Destination d) throws SQLException {
        if (currentUser.isAdmin()) {
            destinations.update(
                    d.id(),
                    new DestinationRules.Draft(
                            d.kind().name(),
                            d.name(),
                            null,
                            d.addresses(),
                            d.language(),
                            d.alertKinds().isEmpty()
                                    ? null
                                    : d.alertKinds().stream().map(Enum::name).toList(),
                            d.surveys().isEmpty() ? null : d.surveys(),
                            !d.enabled()));
            list = null;
        }
    }

    public void delete(Destinations.Destination d) throws SQLException {
        if (currentUser.isAdmin() && destinations.delete(d.id())) {
            list = null;
            Faces.info("notifications.deleted", d.name());
        }
    }

    /** Where the messages go: the masked URL, or the addresses. */
    public String target(Destinations.Destination d) {
        return d.kind() == DestinationRules.Kind.EMAIL ? String.join(", ", d.addresses()) : d.url();
    }

    /** The alert kinds in the console's language, "all" for none chosen. */
    public String kinds(Destinations.Destination d) {
        return d.alertKinds().isEmpty()
                ? Faces.text("common.all")
                : d.alertKinds().stream()
                        .map(k -> Faces.text("alert." + k.name()))
                        .collect(Collectors.joining(", "));
    }

    public String surveysOf(Destinations.Destination d) {
        return d.surveys().isEmpty() ? Faces.text("common.all") : String.join(", ", d.surveys());
    }

    /** Chat messages: delivered, pending, failed. */
    public String messages(Destinations.Destination d) {
        return Faces.text(
                "notifications.counts",
                d.deliveries().get("DELIVERED"),
                d.deliveries().get("PENDING"),
                d.deliveries().get("FAILED"));
    }

    public List<String> getKinds() {
        return Arrays.stream(DestinationRules.Kind.values()).map(Enum::name).toList();
    }

    public List<String> getAlertKindNames() {
        return Arrays.stream(AlertKind.values()).map(Enum::name).toList();
    }

    public List<String> getSurveySlugs() {
        return catalog.all().stream().map(s -> s.slug()).sorted().toList();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
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

    public List<String> getAlertKinds() {
        return alertKinds;
    }

    public void setAlertKinds(List<String> alertKinds) {
        this.alertKinds = alertKinds;
    }

    public List<String> getSurveys() {
        return surveys;
    }

    public void setSurveys(List<String> surveys) {
        this.surveys = surveys;
    }
}
