package app.resonance.testsupport;

import app.resonance.analytics.control.FixtureAccess;
import app.resonance.analytics.control.RollupUpdater;
import app.resonance.followups.control.AlertRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-up the follow-up tests share: the demo on a fresh database with its rollups built and its events applied
 * (the demo raises no alerts of its own), and the alert rules run as the rollup updater runs them.
 */
public final class FollowUpSetUp {

    /** The time zone the rollups are built in. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Days before a renewal that make a detractor a renewal at risk, and the days a task is due in. */
    public static final int RENEWAL_DAYS = 90;

    public static final int DUE_DAYS = 2;

    private FollowUpSetUp() {}

    /** The demo loaded at this moment, on a fresh {@code h2} or {@code postgres} database, rollups up to date. */
    public static FixtureAccess demo(String database, LocalDate today, Instant now) throws Exception {
        FixtureAccess fixture = new FixtureAccess(DemoData.migratedWithDemo(database, today, now));
        fixture.inTransaction(c -> new RollupUpdater(c, BERLIN).rebuild(true, now));
        drain(fixture, new ArrayList<>(), today, now, AlertRules.Caps.defaults());
        return fixture;
    }

    /** Applies the pending events and runs the alert rules on their changes until none are left. */
    public static void drain(
            FixtureAccess fixture, List<AlertRules.Created> created, LocalDate today, Instant now, AlertRules.Caps caps)
            throws Exception {
        int events;
        do {
            events = fixture.inTransaction(c -> {
                var applied = new RollupUpdater(c, BERLIN).applyPendingEvents(1000);
                created.addAll(new AlertRules(c, now, today, RENEWAL_DAYS, DUE_DAYS, caps).apply(applied.changes()));
                return applied.events();
            });
        } while (events > 0);
    }
}
