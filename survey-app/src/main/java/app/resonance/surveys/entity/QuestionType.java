package app.resonance.surveys.entity;

/** The kinds of question a survey can ask, with the fixed scales of the standard metrics. */
public enum QuestionType {
    NPS(0, 10),
    CSAT(1, 5),
    CES(1, 7),
    RATING(1, 5),
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    MATRIX,
    SHORT_TEXT,
    LONG_TEXT;

    /** Longest answers accepted, in characters. */
    public static final int SHORT_TEXT_MAX = 500;

    public static final int LONG_TEXT_MAX = 5000;
    /** A rating scale may run from 0 or 1 up to at most 10. */
    public static final int RATING_MAX = 10;

    private final Integer defaultMin;
    private final Integer defaultMax;

    QuestionType() {
        this(null, null);
    }

    QuestionType(Integer min, Integer max) {
        this.defaultMin = min;
        this.defaultMax = max;
    }

    public boolean isScale() {
        return defaultMin != null;
    }

    /** NPS, CSAT and CES have scales nobody may change; a rating's scale is chosen by the designer. */
    public boolean hasFixedScale() {
        return this == NPS || this == CSAT || this == CES;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == MATRIX;
    }

    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    public Integer defaultMin() {
        return defaultMin;
    }

    public Integer defaultMax() {
        return defaultMax;
    }

    public int maxTextLength() {
        return this == SHORT_TEXT ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
    }
}
