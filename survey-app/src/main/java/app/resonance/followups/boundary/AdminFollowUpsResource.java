package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.followups.control.FollowUpAssigned;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Closing the loop in the admin API: alerts, the follow-up list (overdue first by due date), changing a
 * task (status, assignee, due date, notes, re-survey), the segment decline check, and a customer's
 * feedback view (latest score, history, tasks).
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminFollowUpsResource {

    static final int NOTE_MAX = 4000;

    @Inject
    FollowUps followUps;

    @Inject
    UserDirectory users;

    @Inject
    CustomerDirectory customers;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Event<FollowUpAssigned> assigned;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    @GET
    @Path("followups")
    @Transactional
    @Operation(
            summary = "Follow-up tasks by due date",
            description = "Query: status, assignee (username), customer (external id), overdue=true, offset, limit.")
    public JsonArray list(
            @QueryParam("status") String status,
            @QueryParam("assignee") String assignee,
            @QueryParam("customer") String customer,
            @QueryParam("overdue") String overdue,
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        FollowUpStatus wanted = status == null ? null : status(status, errors, messages);
        Long assigneeId = null;
        if (assignee != null) {
            assigneeId = users.byUsername(assignee).map(AppUser::id).orElse(null);
            if (assigneeId == null) {
                errors.add(messages.error("assignee", "unknownUser"));
            }
        }
        Long customerId = null;
        if (customer != null) {
            customerId = customers.byExternalId(customer).map(Customer::id).orElse(null);
            if (customerId == null) {
                errors.add(messages.error("customer", "unknownCustomer"));
            }
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            errors.add(messages.error("overdue", "expectedBoolean"));
        }
        int from = number(offset, 0, 0, Integer.MAX_VALUE, "offset", errors, messages);
        int size = number(limit, 50, 1, 500, "limit", errors, messages);
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        var query = new FollowUps.Query(wanted, assigneeId, customerId, "true".equals(overdue), today());
        var array = Jsonp.createArrayBuilder();
        followUps.list(query, from, size).forEach(task -> array.add(json(task, messages)));
        return array.build();
    }

    @GET
    @Path("followups/{id}")
    @Transactional
    @Operation(summary = "One follow-up with its alerts and notes")
    public JsonObject get(@PathParam("id") String id) {
        return json(task(id), RequestLanguage.messages(headers));
    }

    @PATCH
    @Path("followups/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Change a follow-up: status, assignee, due date, re-survey, a note",
            description = "Closing a task (DONE) with resurvey=true issues a new personal invitation for the customer"
                    + " and answers its link path.")
    public JsonObject change(@PathParam("id") String id, FollowUpChange change) {
        if (change == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        FollowUp task = task(id);
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        FollowUpStatus status = change.status() == null ? null : status(change.status(), errors, messages);
        AppUser assignee = null;
        boolean unassign = "".equals(change.assignee());
        if (change.assignee() != null && !unassign) {
            assignee = users.byUsername(change.assignee()).orElse(null);
            if (assignee == null) {
                errors.add(messages.error("assignee", "unknownUser"));
            } else if (assignee.role() == Role.VIEWER || !assignee.enabled()) {
                errors.add(messages.error("assignee", "notAssignable"));
            }
        }
        LocalDate due = null;
        if (change.dueDate() != null) {
            try {
                due = LocalDate.parse(change.dueDate());
            } catch (DateTimeParseException e) {
                errors.add(messages.error("dueDate", "expectedDate"));
            }
        }
        String note = change.note() == null ? null : change.note().strip();
        if (note != null) {
            messages.checkText("note", note, true, NOTE_MAX, errors);
        }
        if (Boolean.TRUE.equals(change.resurvey()) && task.customerId() == null) {
            // nobody to invite: a re-survey of an anonymous respondent cannot run, so it is refused, not ignored
            errors.add(messages.error("resurvey", "resurveyNeedsCustomer"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidFollowUp", errors);
        }
        var changed = followUps.change(
                task,
                new FollowUps.Change(status, assignee, unassign, due, change.resurvey(), note),
                security.getUserPrincipal().getName());
        if (changed.newAssignee()) {
            assigned.fire(new FollowUpAssigned(
                    task.id(), task.assignee().map(AppUser::id).orElse(null)));
        }
        JsonObjectBuilder json = Jsonp.createObjectBuilder(json(task, messages));
        changed.resurvey().ifPresent(invitation -> json.add("resurveyLink", invitation.path()));
        return json.build();
    }

    @GET
    @Path("alerts")
    @Transactional
    @Operation(summary = "Alerts, newest first")
    public JsonArray alerts(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        int from = number(offset, 0, 0, Integer.MAX_VALUE, "offset", errors, messages);
        int size = number(limit, 50, 1, 500, "limit", errors, messages);
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        var array = Jsonp.createArrayBuilder();
        followUps.alerts(from, size).forEach(alert -> array.add(alert(alert, messages)));
        return array.build();
    }

    @POST
    @Path("alerts/segment-check")
    @Operation(
            summary = "Check every segment's NPS for a significant decline now (also runs daily at 06:15)",
            description = "Query: asOf (YYYY-MM-DD, default today), days (window, 7-180, default 30).")
    public JsonObject segmentCheck(@QueryParam("asOf") String asOf, @QueryParam("days") String days)
            throws SQLException {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = today();
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                errors.add(messages.error("asOf", "expectedDate"));
            }
        }
        int window = number(days, 30, 7, 180, "days", errors, messages);
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        return Jsonp.createObjectBuilder()
                .add("alerts", maintenance.checkSegments(date, window))
                .build();
    }

    @GET
    @Path("feedback/customers/{externalId}")
    @Transactional
    @Operation(summary = "A customer's feedback: latest NPS, score history and follow-up tasks")
    public JsonObject customer(@PathParam("externalId") String externalId) {
        Messages messages = RequestLanguage.messages(headers);
        Customer customer = customers
                .byExternalId(externalId)
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
        var history = followUps.history(customer.id(), 200);
        var entries = Jsonp.createArrayBuilder();
        history.forEach(entry -> entries.add(Jsonp.createObjectBuilder()
                .add("responseId", entry.responseId())
                .add("survey", entry.survey())
                .add("question", entry.questionKey())
                .add("type", entry.questionType())
                .add("score", entry.score())
                .add("submittedAt", entry.submittedAt().toString())));
        var latest =
                history.stream().filter(e -> e.questionType().equals("NPS")).findFirst();
        var tasks = Jsonp.createArrayBuilder();
        followUps
                .list(new FollowUps.Query(null, null, customer.id(), false, today()), 0, 100)
                .forEach(task -> tasks.add(json(task, messages)));
        JsonObjectBuilder json =
                Jsonp.createObjectBuilder().add("customer", externalId).add("name", customer.name());
        latest.ifPresentOrElse(
                e -> json.add(
                        "latestNps",
                        Jsonp.createObjectBuilder()
                                .add("score", e.score())
                                .add("survey", e.survey())
                                .add("submittedAt", e.submittedAt().toString())),
                () -> json.addNull("latestNps"));
        return json.add("history", entries).add("followUps", tasks).build();
    }

    private FollowUp task(String id) {
        try {
            return followUps
                    .byId(Long.parseLong(id))
                    .orElseThrow(() -> ProblemException.notFound("problem.followUpNotFound"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.followUpNotFound");
        }
    }

    private JsonObject json(FollowUp task, Messages messages) {
        List<Alert> alerts = followUps.alertsOf(task.id());
        String title = task.title().orElseGet(() -> alerts.stream()
                .map(a -> messages.get("alert." + a.kind().name()))
                .collect(Collectors.joining(" · ")));
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", task.id())
                .add("title", title)
                .add("status", task.status().name())
                .add("dueDate", task.dueDate().toString())
                .add("overdue", task.isOverdue(today()))
                .add("resurvey", task.resurvey())
                .add("createdAt", task.createdAt().toString())
                .add("version", task.rowVersion());
        followUps.survey(task.surveyId()).ifPresent(s -> json.add("survey", s.slug()));
        task.closedAt().ifPresentOrElse(at -> json.add("closedAt", at.toString()), () -> json.addNull("closedAt"));
        task.assignee()
                .ifPresentOrElse(
                        user -> json.add(
                                "assignee",
                                Jsonp.createObjectBuilder()
                                        .add("username", user.username())
                                        .add("displayName", user.displayName())),
                        () -> json.addNull("assignee"));
        followUps
                .customer(task.customerId())
                .ifPresentOrElse(c -> json.add("customer", c.externalId()), () -> json.addNull("customer"));
        followUps
                .segment(task.segmentId())
                .ifPresentOrElse(s -> json.add("segment", s.key()), () -> json.addNull("segment"));
        if (task.responseId() == null) {
            json.addNull("responseId");
        } else {
            json.add("responseId", task.responseId());
        }
        var alertArray = Jsonp.createArrayBuilder();
        alerts.forEach(a -> alertArray.add(alert(a, messages)));
        var notes = Jsonp.createArrayBuilder();
        task.notes()
                .forEach(n -> notes.add(Jsonp.createObjectBuilder()
                        .add("author", n.author())
                        .add("text", n.text())
                        .add("createdAt", n.createdAt().toString())));
        return json.add("alerts", alertArray).add("notes", notes).build();
    }

    private static JsonObject alert(Alert alert, Messages messages) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", alert.id())
                .add("kind", alert.kind().name())
                .add("name", messages.get("alert." + alert.kind().name()))
                .add("createdAt", alert.createdAt().toString());
        if (alert.kind() == AlertKind.SEGMENT_DECLINE) {
            json.add("figure", alert.figure())
                    .add("previousFigure", alert.previousFigure())
                    .add("pValue", alert.pValue());
        } else {
            json.add("score", alert.score()).add("responseId", alert.responseId());
            if (alert.previousScore() != null) {
                json.add("previousScore", alert.previousScore());
            }
        }
        if (alert.followUpId() != null) {
            json.add("followUpId", alert.followUpId());
        }
        return json.build();
    }

    private static FollowUpStatus status(String text, List<FieldError> errors, Messages messages) {
        try {
            return FollowUpStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(messages.error(
                    "status",
                    "oneOf",
                    Arrays.stream(FollowUpStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static int number(
            String text, int fallback, int min, int max, String field, List<FieldError> errors, Messages messages) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(messages.error(field, "range", min, max));
        return fallback;
    }
}
