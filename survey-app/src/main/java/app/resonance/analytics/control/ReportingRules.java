package app.resonance.analytics.control;

/**
 * When a figure may be shown: from at least {@code minimumResponses} responses; for anonymous surveys
 * (employee surveys) never for a group smaller than {@value #ANONYMITY_GROUP}, whatever the minimum.
 */
public record ReportingRules(int minimumResponses, boolean anonymous) {

    public static final int DEFAULT_MINIMUM = 30;
    public static final int ANONYMITY_GROUP = 5;

    public ReportingRules {
        if (minimumResponses < 1) {
            throw new IllegalArgumentException("The minimum number of responses is at least 1");
        }
    }

    public static ReportingRules standard() {
        return new ReportingRules(DEFAULT_MINIMUM, false);
    }

    public ReportingRules forSurvey(boolean anonymousSurvey) {
        return new ReportingRules(minimumResponses, anonymousSurvey);
    }

    public Visibility visibility(long responses) {
        if (anonymous && responses < ANONYMITY_GROUP) {
            return Visibility.HIDDEN_FOR_ANONYMITY;
        }
        return responses < minimumResponses ? Visibility.NOT_ENOUGH_RESPONSES : Visibility.SHOWN;
    }
}
