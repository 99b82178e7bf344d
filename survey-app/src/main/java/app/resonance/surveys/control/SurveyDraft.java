package app.resonance.surveys.control;

import app.resonance.platform.control.Texts;
import java.util.List;

/** A survey definition as the admin API takes it; the slug and kind only count when a survey is created. */
public record SurveyDraft(
        String slug,
        String kind,
        Boolean anonymous,
        Texts title,
        Texts intro,
        List<String> languages,
        String defaultLanguage,
        List<QuestionDraft> questions) {}
