package app.resonance.distribution.control;

/**
 * The planner's arithmetic for one segment (issue 16, sample planner), pure: how many NPS answers give the target margin
 * of error, how many customers to invite for them, and the margin to expect.
 *
 * <ul>
 *   <li>NPS spread: each answer scores +1 (promoter), 0 (passive) or -1 (detractor); in share units its variance is
 *       {@code var = pP + pD - (pP - pD)^2}; the margin of n answers is {@code z * 100 * sqrt(var / n)} NPS points.
 *   <li>Needed answers: {@code n0 = (z * 100)^2 * var / m^2}, with the finite population correction for the N reachable
 *       customers {@code n = n0 / (1 + (n0 - 1) / N)}, rounded up.
 *   <li>Invitations: {@code ceil(n / response rate)}, at most N (the cap); the expected answers are invitations times
 *       the rate, and the expected margin is {@code z * 100 * sqrt(var / e * (N - e) / (N - 1))}.
 *   <li>Thin history: fewer than {@value #THIN} NPS answers in the last year use the worst-case variance
 *       {@value #PRIOR_VARIANCE} (half promoters, half detractors); fewer than {@value #THIN} invitations or none
 *       answered use the prior response rate {@value #PRIOR_RATE}. Either marks the plan as based on the prior.
 * </ul>
 */
public final class SampleSize {

    /** Fewer past answers (or invitations) than this and the planner uses the prior. */
    public static final int THIN = 30;

    /** The worst case of an NPS variance: half promoters, half detractors. */
    public static final double PRIOR_VARIANCE = 1.0;

    /** A cautious response rate for e-mail invitations without history. */
    public static final double PRIOR_RATE = 0.20;

    private static final double ROUNDING = 1e-9;

    private SampleSize() {}

    /** A segment's last year: its NPS answers (promoters, detractors) and its invitations (answered). */
    public record History(long responses, long promoters, long detractors, long invited, long answered) {

        public boolean thinSpread() {
            return responses < THIN;
        }

        public boolean thinRate() {
            return invited < THIN || answered == 0;
        }
    }

    /** One segment's plan. {@code expectedMargin} is null when nobody can be asked. */
    public record Plan(
            History history,
            double variance,
            double responseRate,
            boolean priorSpread,
            boolean priorRate,
            int reachable,
            int needed,
            int toInvite,
            boolean capped,
            double expectedResponses,
            Double expectedMargin) {

        public boolean basedOnPrior() {
            return priorSpread || priorRate;
        }
    }

    /** The z value of a two-sided confidence level: 90, 95 or 99 per cent (1.645, 1.96, 2.576). */
    public static double z(int confidence) {
        return switch (confidence) {
            case 90 -> 1.645;
            case 95 -> 1.96;
            case 99 -> 2.576;
            default -> throw new IllegalArgumentException("confidence " + confidence);
        };
    }

    /** The variance of the NPS score per answer in share units; 0 without answers. */
    public static double variance(long responses, long promoters, long detractors) {
        if (responses == 0) {
            return 0;
        }
        double p = (double) promoters / responses;
        double d = (double) detractors / responses;
        return p + d - (p - d) * (p - d);
    }

    /** The plan for a segment with this history and N reachable customers, for a margin in NPS points. */
    public static Plan plan(History history, int reachable, double margin, int confidence) {
        double z = z(confidence);
        boolean priorSpread = history.thinSpread();
        boolean priorRate = history.thinRate();
        double variance =
                priorSpread ? PRIOR_VARIANCE : variance(history.responses(), history.promoters(), history.detractors());
        double rate = priorRate ? PRIOR_RATE : (double) history.answered() / history.invited();
        if (reachable <= 0) {
            return new Plan(history, variance, rate, priorSpread, priorRate, 0, 0, 0, false, 0, null);
        }
        double n0 = (z * 100) * (z * 100) * variance / (margin * margin);
        double corrected = n0 <= 1 ? n0 : n0 / (1 + (n0 - 1) / reachable);
        int needed = (int) Math.ceil(corrected - ROUNDING);
        long invite = (long) Math.ceil(needed / rate - ROUNDING);
        boolean capped = invite > reachable;
        int toInvite = (int) Math.min(invite, reachable);
        double expected = toInvite * rate;
        return new Plan(
                history,
                variance,
                rate,
                priorSpread,
                priorRate,
                reachable,
                needed,
                toInvite,
                capped,
                expected,
                margin(variance, expected, reachable, confidence));
    }

    /**
     * The margin in NPS points of n answers out of N customers, with the finite population correction; null without
     * answers.
     */
    public static Double margin(double variance, double n, int population, int confidence) {
        if (n <= 0) {
            return null;
        }
        double correction = population > 1 ? Math.max(0, (population - n) / (population - 1)) : 0;
        return z(confidence) * 100 * Math.sqrt(variance / n * correction);
    }
}
