package app.resonance.responses.entity;

import app.resonance.surveys.entity.Question;

/** A validated answer value, ready to be stored. */
public record AnswerValue(Question question, String rowCode, String optionCode, Integer score, String text) {

    public static AnswerValue score(Question question, int score) {
        return new AnswerValue(question, null, null, score, null);
    }

    public static AnswerValue option(Question question, String optionCode) {
        return new AnswerValue(question, null, optionCode, null, null);
    }

    public static AnswerValue matrix(Question question, String rowCode, String columnCode) {
        return new AnswerValue(question, rowCode, columnCode, null, null);
    }

    public static AnswerValue text(Question question, String text) {
        return new AnswerValue(question, null, null, null, text);
    }
}
