package app.resonance.surveys.control;

import java.time.Instant;
import java.util.List;

/**
 * The operational settings of a survey, as the admin API and the console take them: when it opens and
 * closes, how many complete responses it takes at most, what a second visit of an invitation does
 * (SINGLE_ANSWER or CHANGEABLE), the origins whose pages may embed its widget, the hidden fields (URL
 * parameters stored with each response), and whether it is a RELATIONSHIP or a TRANSACTIONAL survey for the
 * contact rules (none given: RELATIONSHIP).
 */
public record SurveySettings(
        Instant opensAt,
        Instant closesAt,
        Integer responseLimit,
        String answerPolicy,
        List<String> allowedOrigins,
        List<String> hiddenFields,
        String contactKind) {}
