package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.followups.control.CustomerReplies;
import app.resonance.followups.control.FollowUpAssigned;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Follow-up tasks in the admin API: the list (open first, overdue first by due date), one task, and changing
 * it (status, assignee, due date, notes, re-survey).
 */
@Path("admin/followups")
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
    AnalyticsSettings settings;

    @Inject
    Event<FollowUpAssigned> assigned;

    @Inject
    Clock clock;

    @Inject
    CustomerReplies replies;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    @GET
    @Transactional
    @Operation(
            summary = "Follow-up tasks by due date",
            description = "Query: status, assignee (username), customer (external id), overdue=true, offset, limit.")
    public List<FollowUpJson.Task> list(
            @Valid @BeanParam FollowUpFilter filter, @Valid @BeanParam PageParameters page) {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        Long assigneeId = null;
        if (filter.assignee() != null) {
            assigneeId = users.byUsername(filter.assignee()).map(AppUser::id).orElse(null);
            if (assigneeId == null) {
                errors.add(messages.error("assignee", "unknownUser"));
            }
        }
        Long customerId = null;
        if (filter.customer() != null) {
            customerId =
                    customers.byExternalId(filter.customer()).map(Customer::id).orElse(null);
            if (customerId == null) {
                errors.add(messages.error("customer", "unknownCustomer"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        var query = new FollowUps.Query(filter.status(), assigneeId, customerId, filter.overdueOnly(), today());
        return followUps.list(query, page.offset(), page.limit()).stream()
                .map(task -> FollowUpJson.Task.of(task, followUps, replies.replies(task.id()), messages, today()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One follow-up with its alerts and notes")
    public FollowUpJson.Task get(@PathParam("id") String id) {
        FollowUp task = task(id);
        return FollowUpJson.Task.of(
                task, followUps, replies.replies(task.id()), RequestLanguage.messages(headers), today());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Change a follow-up: status, assignee, due date, re-survey, a note",
            description = "Closing a task (DONE) with resurvey=true issues a new personal invitation for the customer"
                    + " and answers its link path.")
    public FollowUpJson.Task change(@PathParam("id") String id, FollowUpChange change) {
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
        var json = FollowUpJson.Task.of(task, followUps, replies.replies(task.id()), messages, today());
        return changed.resurvey().map(i -> json.withResurveyLink(i.path())).orElse(json);
    }

    @GET
    @Path("{id}/replies/template")
    @Transactional
    @Operation(
            summary = "The template of a reply to the task's customer",
            description = "Subject and body in the customer's language (the response's, else the customer's preferred"
                    + " one, else the survey's default) or in the language asked for: a greeting with the customer's"
                    + " name, a reference to their answer, the caller's name. 409 naming customer (an anonymous"
                    + " response) or customer.email (no address, or an address on the suppression list); 400 naming"
                    + " language.")
    public FollowUpJson.ReplyTemplate replyTemplate(
            @PathParam("id") String id,
            @QueryParam("language")
                    @Parameter(
                            description = "de, en, fr, it, es, nl or pl; default: the customer's language",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"de", "en", "fr", "it", "es", "nl", "pl"}))
                    String language) {
        Messages messages = RequestLanguage.messages(headers);
        FollowUp task = task(id);
        if (language != null && !Messages.RESPONDENT_LANGUAGES.contains(language)) {
            throw QueryParameters.invalid(List.of(languageError(messages)));
        }
        refuseIfNobody(task, messages);
        return FollowUpJson.ReplyTemplate.of(replies.template(task, language, caller()));
    }

    @GET
    @Path("{id}/replies")
    @Transactional
    @Operation(summary = "The replies written to the task's customer, oldest first, with their delivery state")
    public List<FollowUpJson.Reply> replies(@PathParam("id") String id) {
        return replies.replies(task(id).id()).stream()
                .map(FollowUpJson.Reply::of)
                .toList();
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Reply to the task's customer by e-mail",
            description = "The reply is sent through the outbox (retried like every mail) as text/plain, with a"
                    + " Reply-To of the caller's address (the company's sender when the caller has none), kept in the"
                    + " task's history and audited. 409 naming customer (an anonymous response) or customer.email (no"
                    + " address, or an address on the suppression list); 422 naming subject, body or language; 403 for"
                    + " a VIEWER.")
    @APIResponse(
            responseCode = "201",
            description = "Queued for sending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FollowUpReply")))
    public Response reply(@PathParam("id") String id, FollowUpJson.ReplyRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        FollowUp task = task(id);
        refuseIfNobody(task, messages);
        List<FieldError> errors = new ArrayList<>();
        for (var violation : validator.validate(request)) {
            errors.add(QueryParameters.error(violation, messages));
        }
        if (!QueryParameters.named(errors, "subject")) {
            String subject = request.subject().strip();
            if (subject.contains("\n") || subject.contains("\r") || !TextRules.isClean(subject)) {
                errors.add(messages.error("subject", "badCharacters"));
            }
        }
        if (!QueryParameters.named(errors, "body") && !TextRules.isClean(request.body())) {
            errors.add(messages.error("body", "badCharacters"));
        }
        if (request.language() != null && !Messages.RESPONDENT_LANGUAGES.contains(request.language())) {
            errors.add(languageError(messages));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw ProblemException.invalid("problem.invalidReply", errors);
        }
        String language = request.language() == null ? replies.language(task) : request.language();
        var sent = replies.send(task, caller(), language, request.subject().strip(), request.body());
        return Response.created(URI.create("admin/followups/" + task.id() + "/replies"))
                .entity(FollowUpJson.Reply.of(sent))
                .build();
    }

    private void refuseIfNobody(FollowUp task, Messages messages) {
        replies.refusal(task).ifPresent(refusal -> {
            throw new ProblemException(
                    "reply-refused",
                    409,
                    "Conflict",
                    "problem.replyRefused",
                    List.of(messages.error(refusal.field(), refusal.code())));
        });
    }

    private static FieldError languageError(Messages messages) {
        return messages.error("language", "oneOf", String.join(", ", Messages.RESPONDENT_LANGUAGES));
    }

    private AppUser caller() {
        String name = security.getUserPrincipal().getName();
        return users.byUsername(name).orElseThrow(() -> new IllegalStateException("No user " + name));
    }

    private FollowUp task(String id) {
        try {
            return followUps
                    .visibleById(Long.parseLong(id))
                    .orElseThrow(() -> ProblemException.notFound("problem.followUpNotFound"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.followUpNotFound");
        }
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
}
