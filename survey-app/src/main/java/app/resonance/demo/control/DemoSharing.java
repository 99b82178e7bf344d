package app.resonance.demo.control;

import app.resonance.analytics.control.RelativePeriod;
import app.resonance.analytics.entity.SavedView;
import app.resonance.responses.control.Tokens;
import app.resonance.security.control.FirstAdmin;
import app.resonance.sharing.control.ShareLinks;
import app.resonance.sharing.entity.ShareLink;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The demo's saved view "Business NPS, last 12 months" (relationship-nps, Business, by month) with one active
 * share link for 90 days, figures only, and its weekly digest ({@link DemoDigest}). Its token exists only here: the loader writes the link's address to the
 * start log once.
 */
final class DemoSharing {

    static final String VIEW_NAME = "Business NPS, last 12 months";

    private DemoSharing() {}

    /** Writes the view and its link in the caller's transaction; answers the link's token. */
    static String write(EntityManager em, Instant now) {
        SavedView view = new SavedView(FirstAdmin.USERNAME, now);
        view.change(
                VIEW_NAME,
                DemoDataLoader.MARKER_SURVEY,
                null,
                null,
                DemoDataLoader.BUSINESS_SEGMENT,
                null,
                null,
                "MONTH",
                RelativePeriod.LAST_12_MONTHS.name(),
                null,
                null,
                now);
        em.persist(view);
        DemoDigest.write(em, view, now);
        String token = Tokens.random();
        em.persist(new ShareLink(
                view,
                Tokens.hash(token),
                false,
                FirstAdmin.USERNAME,
                now,
                ShareLinks.expiry(now, ShareLinks.MAX_DAYS)));
        em.flush();
        return token;
    }
}
