package app.resonance.digests.boundary;

import app.resonance.digests.control.DigestSchedule;
import app.resonance.digests.control.Digests;
import app.resonance.digests.entity.Digest;
import app.resonance.digests.entity.DigestRecipient;
import app.resonance.digests.entity.DigestSend;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Digests as the admin API takes and answers them (records, JSON-B). */
public final class DigestJson {

    private DigestJson() {}

    @Schema(
            name = "DigestRequest",
            description = "A saved view sent weekly (on a weekday, reporting the last ISO week) or monthly (on a day"
                    + " 1-28, reporting the last month) at an hour of a time zone, to users and addresses")
    public record Request(
            @Schema(
                    required = true,
                    enumeration = {"WEEKLY", "MONTHLY"})
            String cadence,

            @Schema(
                    description = "The ISO weekday of a weekly digest (required with WEEKLY, not with MONTHLY)",
                    enumeration = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
            String weekday,

            @Schema(
                    description = "The day of the month of a monthly digest (required with MONTHLY, not with WEEKLY)",
                    minimum = "1",
                    maximum = "28")
            Integer dayOfMonth,

            @Schema(description = "The hour it is sent at, 0-23; default 8", minimum = "0", maximum = "23")
            Integer hour,

            @Schema(description = "The time zone of the hour (IANA); default Europe/Berlin", example = "Europe/Berlin")
            String zone,

            @Schema(description = "A paused digest is not sent on its schedule; default false")
            Boolean paused,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = RecipientRequest.class,
                    description = "1 to 50 users or addresses")
            List<RecipientRequest> recipients) {

        Digests.Draft draft() {
            return new Digests.Draft(
                    cadence,
                    weekday,
                    dayOfMonth,
                    hour,
                    zone,
                    paused,
                    recipients == null
                            ? null
                            : recipients.stream()
                                    .map(r -> r == null
                                            ? new Digests.RecipientDraft(null, null, null)
                                            : new Digests.RecipientDraft(r.user(), r.email(), r.language()))
                                    .toList());
        }
    }

    @Schema(
            name = "DigestRecipientRequest",
            description = "Either a user (by username: their address, their language) or an address with a language")
    public record RecipientRequest(
            @Schema(description = "A console user's username", example = "lead")
            String user,

            @Schema(description = "An e-mail address", example = "cs-team@example.com")
            String email,

            @Schema(
                    description = "The language of an address's mail; default en",
                    enumeration = {"de", "en"})
            String language) {}

    @Schema(name = "DigestRecipient", description = "A user or an address with its language")
    @JsonbPropertyOrder({"user", "email", "language"})
    public record Recipient(
            @JsonbNillable @Schema(nullable = true) String user,
            @JsonbNillable @Schema(nullable = true) String email,

            @JsonbNillable @Schema(nullable = true, description = "An address's language; a user's is their own")
            String language) {

        static Recipient of(DigestRecipient r) {
            return new Recipient(r.username(), r.email(), r.language());
        }
    }

    @Schema(name = "DigestPeriod", description = "The days a digest reports (both included)")
    @JsonbPropertyOrder({"from", "to", "label"})
    @JsonbNillable // Yasson writes a null record-typed component only when its type is nillable
    public record Period(
            @Schema(format = "date") String from,
            @Schema(format = "date") String to,

            @Schema(description = "2026-W49 for an ISO week, 2026-11 for a month")
            String label) {

        static Period of(DigestSchedule.Period p) {
            return new Period(p.from().toString(), p.to().toString(), p.label());
        }
    }

    @Schema(name = "DigestSent", description = "A period sent on the schedule")
    @JsonbPropertyOrder({"period", "sentAt", "mails"})
    @JsonbNillable // as Period
    public record LastSent(
            Period period, @Schema(format = "date-time") String sentAt, int mails) {}

    @Schema(
            name = "Digest",
            description = "A digest of a saved view: its schedule, recipients, the next send and the last period sent")
    @JsonbPropertyOrder({
        "id",
        "view",
        "viewName",
        "cadence",
        "weekday",
        "dayOfMonth",
        "hour",
        "zone",
        "paused",
        "recipients",
        "nextSend",
        "nextPeriod",
        "lastSent",
        "createdBy",
        "createdAt",
        "updatedAt"
    })
    public record View(
            long id,

            @Schema(type = SchemaType.INTEGER, format = "int64", description = "The saved view's id")
            long view,

            String viewName,
            String cadence,
            @JsonbNillable @Schema(nullable = true) String weekday,
            @JsonbNillable @Schema(nullable = true) Integer dayOfMonth,
            int hour,
            String zone,
            boolean paused,
            List<Recipient> recipients,

            @JsonbNillable
            @Schema(nullable = true, format = "date-time", description = "When the schedule sends next (null: paused)")
            String nextSend,

            @JsonbNillable @Schema(nullable = true, description = "The period the next send reports (null: paused)")
            Period nextPeriod,

            @JsonbNillable @Schema(nullable = true, description = "The newest period sent on the schedule")
            LastSent lastSent,

            String createdBy,
            @Schema(format = "date-time") String createdAt,
            @Schema(format = "date-time") String updatedAt) {

        static View of(Digest d, java.util.Optional<DigestSend> last, Instant now) {
            DigestSchedule schedule = Digests.schedule(d);
            DigestSchedule.Period next = d.paused() ? null : schedule.next(now);
            return new View(
                    d.id(),
                    d.view().id(),
                    d.view().name(),
                    d.cadence().name(),
                    d.weekday() == null ? null : d.weekday().name(),
                    d.monthDay(),
                    d.hour(),
                    d.zone().getId(),
                    d.paused(),
                    d.recipients().stream().map(Recipient::of).toList(),
                    next == null ? null : schedule.sendTime(next).toString(),
                    next == null ? null : Period.of(next),
                    last.map(s -> new LastSent(
                                    Period.of(new DigestSchedule.Period(s.periodStart(), s.periodEnd())),
                                    s.sentAt().toString(),
                                    s.mails()))
                            .orElse(null),
                    d.createdBy(),
                    d.createdAt().toString(),
                    d.updatedAt().toString());
        }
    }

    @Schema(name = "DigestSendResult", description = "What a send queued: the digest, the period and the mails")
    @JsonbPropertyOrder({"digest", "period", "mails"})
    public record Sent(
            @Schema(type = SchemaType.INTEGER, format = "int64", description = "The digest's id")
            long digest,

            Period period,

            @Schema(description = "Mails queued in the outbox")
            int mails) {

        static Sent of(Digests.Sent s) {
            return new Sent(s.digest(), Period.of(s.period()), s.mails());
        }
    }

    @Schema(name = "DigestCheck", description = "What the scheduled check sent at the instant it ran for")
    @JsonbPropertyOrder({"at", "sent"})
    public record Check(@Schema(format = "date-time") String at, List<Sent> sent) {}
}
