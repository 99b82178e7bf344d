package app.resonance.console.platform;

import app.resonance.distribution.control.WaveStats;

/** How the console shows an invitation wave: whom it went to, in the console's language, and its response rate. */
public final class Waves {

    private Waves() {}

    /**
     * The audience as a reader understands it: "segment:business" reads "Segment business", "selection:2" reads
     * "2 ausgewählte Kunden" in German; anything else is shown as stored.
     */
    public static String audience(String stored) {
        if (stored == null) {
            return "";
        }
        if (stored.startsWith("segment:")) {
            return Faces.text("wave.audience.segment", stored.substring("segment:".length()));
        }
        if (stored.startsWith("plan:")) {
            return Faces.text(
                    "wave.audience.plan", stored.substring("plan:".length()).replace(",", ", "));
        }
        if (stored.startsWith("selection:")) {
            return Faces.text("wave.audience.selection", stored.substring("selection:".length()));
        }
        return stored;
    }

    public static String rate(WaveStats.Wave wave) {
        return Math.round(wave.responseRate() * 100) + " %";
    }
}
