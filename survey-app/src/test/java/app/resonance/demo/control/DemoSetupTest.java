package app.resonance.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyDraftValidator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The demo's surveys and segments are what the admin API would accept: they pass the editors' rules. */
class DemoSetupTest {

    static final Messages MESSAGES = Messages.of(Locale.ENGLISH);

    @Test
    void everyDemoSurveyPassesTheSurveyEditorsRules() {
        for (DemoSurveys.Definition definition : DemoSurveys.all()) {
            assertEquals(
                    List.of(),
                    SurveyDraftValidator.validate(DemoSetup.draft(definition), true, MESSAGES),
                    definition.slug());
        }
    }

    @Test
    void everyDemoSegmentPassesTheSegmentEditorsRules() {
        List<SegmentDraft> segments = DemoSetup.segments();
        assertEquals(5, segments.size());
        for (SegmentDraft segment : segments) {
            assertEquals(List.of(), SegmentEditor.validate(segment.key(), segment, MESSAGES), segment.key());
        }
    }
}
