package app.resonance.sharing.control;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.sharing.entity.ShareLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a share link shows: the saved view's trend with n and margins (periods below the minimum withheld, as on
 * the dashboard), its total and the latest period, and, only when the link was made with comments, the newest
 * comments as text without who wrote them (e-mail addresses and customer ids in the text itself are blanked).
 */
@ApplicationScoped
public class SharedViews {

    /** How many comments a link with comments shows, newest first. */
    public static final int COMMENTS = 20;

    /** What stands in a comment where an e-mail address or a customer id was. */
    public static final String BLANKED = "[…]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("\\bC-\\d{3,}\\b");

    @Inject
    SavedViews views;

    @Inject
    ShareLinks links;

    @Inject
    TrendAnalysis analysis;

    @Inject
    Comments comments;

    @Inject
    AnalyticsSettings settings;

    /** A comment as a share link shows it: its day, the score given with it and the (blanked) text. */
    public record SharedComment(LocalDate day, Integer score, String text) {}

    /** The page of a link. {@code latest} is the last period of the trend. */
    public record Page(
            String name,
            String zone,
            AnalyticsQuery query,
            Estimate total,
            List<TrendPoint> points,
            Optional<TrendPoint> latest,
            boolean withComments,
            List<SharedComment> comments) {}

    /** What a token shows: the page of an active link, "gone" (expired, revoked, its view unreadable), or nothing. */
    public sealed interface Shown permits Shown.Found, Shown.Gone, Shown.Unknown {
        record Found(Page page) implements Shown {}

        record Gone() implements Shown {}

        record Unknown() implements Shown {}
    }

    /** Opens a link by its token (the use counted and audited) and reads its page, in one transaction. */
    @Transactional
    public Shown open(String token) {
        ShareLinks.Opened opened = links.open(token);
        if (opened instanceof ShareLinks.Opened.Active active) {
            return page(active.link()).<Shown>map(Shown.Found::new).orElseGet(Shown.Gone::new);
        }
        return opened instanceof ShareLinks.Opened.Gone ? new Shown.Gone() : new Shown.Unknown();
    }

    /** The link's page today; empty when the view no longer reads (its survey or segment was removed). */
    public Optional<Page> page(ShareLink link) {
        var read = views.read(link.view());
        if (!read.valid()) {
            return Optional.empty();
        }
        AnalyticsQuery query = read.query();
        var filter = query.filter();
        List<TrendPoint> points = analysis.trend(filter, query.granularity(), query.rules());
        Estimate total = analysis.total(filter, query.rules());
        boolean withComments = link.includeComments() && query.survey() != null;
        List<SharedComment> shown = withComments && total.shown() ? comments(query) : List.of();
        return Optional.of(new Page(
                link.view().name(),
                settings.zone().getId(),
                query,
                total,
                points,
                points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1)),
                withComments,
                shown));
    }

    private List<SharedComment> comments(AnalyticsQuery query) {
        var filter = query.filter();
        var page = comments.page(CommentFilter.of(filter.surveyId(), filter), settings.zone(), 0, COMMENTS);
        return page.comments().stream()
                .map(c -> new SharedComment(
                        c.submittedAt().atZone(settings.zone()).toLocalDate(), c.score(), blank(c.text())))
                .toList();
    }

    /** The text with every e-mail address and customer id (C-00042) in it replaced by {@value #BLANKED}. */
    public static String blank(String text) {
        if (text == null) {
            return "";
        }
        String out = EMAIL.matcher(text).replaceAll(BLANKED);
        return CUSTOMER_ID.matcher(out).replaceAll(BLANKED);
    }
}
