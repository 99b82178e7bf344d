package app.resonance.sharing.boundary;

import app.resonance.analytics.boundary.AnalyticsJson;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.sharing.control.SharedViews;
import app.resonance.sharing.entity.ShareLink;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Share links and what they show, as the API takes and answers them (records, JSON-B). */
public final class ShareJson {

    private ShareJson() {}

    @Schema(name = "ShareLinkRequest", description = "A new share link of a saved view")
    public record Request(
            @NotNull(message = "{error.required}")
            @Schema(required = true, minimum = "1", maximum = "90", description = "Days until the link stops working")
            Integer expiresInDays,

            @Schema(description = "Whether the page shows the view's newest comments (text only); default false")
            Boolean includeComments) {

        boolean comments() {
            return Boolean.TRUE.equals(includeComments);
        }
    }

    @Schema(name = "ShareLink", description = "A share link of a saved view (its token is shown only when it is made)")
    @JsonbPropertyOrder({
        "id",
        "view",
        "status",
        "includeComments",
        "createdBy",
        "createdAt",
        "expiresAt",
        "revokedAt",
        "lastUsedAt",
        "uses"
    })
    public record Link(
            long id,
            long view,

            @Schema(description = "ACTIVE, EXPIRED or REVOKED")
            ShareLink.Status status,

            boolean includeComments,
            String createdBy,
            String createdAt,
            String expiresAt,
            @JsonbNillable @Schema(nullable = true) String revokedAt,
            @JsonbNillable @Schema(nullable = true) String lastUsedAt,
            long uses) {

        static Link of(ShareLink l, Instant now) {
            return new Link(
                    l.id(),
                    l.view().id(),
                    l.status(now),
                    l.includeComments(),
                    l.createdBy(),
                    l.createdAt().toString(),
                    l.expiresAt().toString(),
                    l.revokedAt() == null ? null : l.revokedAt().toString(),
                    l.lastUsedAt() == null ? null : l.lastUsedAt().toString(),
                    l.useCount());
        }
    }

    @Schema(name = "CreatedShareLink", description = "A new share link with its address, shown once")
    @JsonbPropertyOrder({"link", "url", "path"})
    public record Created(
            Link link,

            @Schema(description = "The page for people without an account (absolute)")
            String url,

            @Schema(description = "The page's path; its JSON is at /api/v1/share/{token}")
            String path) {}

    @Schema(name = "SharedComment", description = "A comment as a share link shows it: no customer, no address")
    @JsonbPropertyOrder({"day", "score", "text"})
    public record Comment(String day, @JsonbNillable Integer score, String text) {

        static Comment of(SharedViews.SharedComment c) {
            return new Comment(c.day().toString(), c.score(), c.text());
        }
    }

    @Schema(
            name = "SharedView",
            description = "What a share link shows: the view's figure per period with n and margin (withheld below"
                    + " the minimum), its total and latest period, and comments only if the link includes them")
    @JsonbPropertyOrder({
        "name",
        "survey",
        "segment",
        "metric",
        "granularity",
        "zone",
        "from",
        "to",
        "total",
        "latest",
        "points",
        "includesComments",
        "comments"
    })
    public record Page(
            String name,

            @JsonbNillable @Schema(nullable = true, description = "The survey's title")
            String survey,

            @JsonbNillable @Schema(nullable = true, description = "The segment's name; null: all responses")
            String segment,

            Metric metric,
            Granularity granularity,
            String zone,
            String from,
            String to,
            AnalyticsJson.Figure total,
            @JsonbNillable @Schema(nullable = true) AnalyticsJson.Period latest,
            List<AnalyticsJson.Period> points,
            boolean includesComments,
            List<Comment> comments) {}
}
