package app.resonance.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SurveyTemplatesTest {

    static java.util.List<String> keys() {
        return SurveyTemplates.KEYS;
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyTemplateIsAValidSurveyWithTextsInBothLanguages(String key) {
        SurveyDraft draft = SurveyTemplates.draft(key, "from-" + key);
        assertEquals(
                java.util.List.of(),
                SurveyDraftValidator.validate(draft, true, Messages.of(Locale.ENGLISH)),
                "template " + key);
        assertTrue(draft.questions().size() >= 2, key);
        draft.questions().forEach(q -> {
            assertTrue(q.text().de() != null && !q.text().de().isBlank(), key + "." + q.id() + " de");
            assertTrue(q.text().en() != null && !q.text().en().isBlank(), key + "." + q.id() + " en");
        });
    }

    @Test
    void theEmployeeSurveyIsAnonymousAndMeasuresEnps() {
        SurveyDraft draft = SurveyTemplates.draft("employee-enps", "staff-2027");
        assertEquals("ENPS", draft.kind());
        assertEquals(Boolean.TRUE, draft.anonymous());
        assertEquals("NPS", draft.questions().get(0).type());
    }

    @Test
    void aBlankSurveyStartsWithoutQuestions() {
        SurveyDraft draft = SurveyTemplates.draft("blank", "new-one");
        assertEquals("CUSTOM", draft.kind());
        assertEquals(0, draft.questions().size());
    }
}
