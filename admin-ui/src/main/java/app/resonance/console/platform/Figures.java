package app.resonance.console.platform;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Metric;
import java.text.NumberFormat;
import java.util.Locale;

/** How the console (overview and dashboard) writes figures: one decimal, the page's decimal separator. */
public final class Figures {

    private Figures() {}

    private static NumberFormat format(Locale locale, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        return format;
    }

    private static int decimals(Estimate e) {
        return e.metric() == Metric.CES || e.metric() == Metric.RATING ? 2 : 1;
    }

    public static String value(Estimate e, Locale locale) {
        return format(locale, decimals(e)).format(e.value());
    }

    public static String margin(Estimate e, Locale locale) {
        return "± " + format(locale, decimals(e)).format(e.marginOfError());
    }

    public static String signed(double d, Locale locale) {
        return (d > 0 ? "+" : d < 0 ? "−" : "") + format(locale, 1).format(Math.abs(d));
    }

    public static String p(double p, Locale locale) {
        return p < 0.001
                ? "p < " + format(locale, 3).format(0.001)
                : "p = " + format(locale, 3).format(p);
    }
}
