package app.resonance.analytics.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A simple lexicon sentiment in German and English: positive words count +1, negative words -1, a
 * negation (not, no, never, nicht, kein...) within the two words before flips the next opinion word.
 * Deliberately simple and explainable; good enough to sort comments, not to judge a single one.
 */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    private static final Set<String> POSITIVE_WORDS = Set.of(
            "good",
            "great",
            "excellent",
            "helpful",
            "helped",
            "quick",
            "fast",
            "reliable",
            "easy",
            "love",
            "thanks",
            "thank",
            "solid",
            "friendly",
            "perfect",
            "recommend",
            "happy",
            "satisfied",
            "save",
            "saves",
            "best",
            "gut",
            "gute",
            "guter",
            "gutes",
            "super",
            "schnell",
            "schnelle",
            "zuverlässig",
            "einfach",
            "danke",
            "hilfreich",
            "geholfen",
            "freundlich",
            "perfekt",
            "zufrieden",
            "toll",
            "prima",
            "sparen",
            "empfehlen");
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "bad",
            "slow",
            "expensive",
            "painful",
            "clumsy",
            "broken",
            "bug",
            "bugs",
            "crash",
            "terrible",
            "awful",
            "worse",
            "worst",
            "wait",
            "waiting",
            "days",
            "nobody",
            "annoying",
            "disappointed",
            "useless",
            "schlecht",
            "langsam",
            "teuer",
            "mühsam",
            "umständlich",
            "kaputt",
            "fehler",
            "absturz",
            "schrecklich",
            "warten",
            "tagelang",
            "ewig",
            "niemand",
            "enttäuscht",
            "nutzlos",
            "ärgerlich",
            "nervig");
    private static final Set<String> NEGATIONS =
            Set.of("not", "no", "never", "hardly", "nicht", "kein", "keine", "keinen", "nie", "kaum");

    public static Sentiment of(String text) {
        return score(text) > 0 ? POSITIVE : score(text) < 0 ? NEGATIVE : NEUTRAL;
    }

    /** Positive minus negative opinion words, negations applied. */
    public static int score(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String[] words = normal.split("[^\\p{L}\\p{N}']+");
        int score = 0;
        int negatedUntil = -1;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (NEGATIONS.contains(word)) {
                negatedUntil = i + 2;
                if (!NEGATIVE_WORDS.contains(word)) {
                    continue;
                }
            }
            int value = POSITIVE_WORDS.contains(word) ? 1 : NEGATIVE_WORDS.contains(word) ? -1 : 0;
            if (value != 0 && i <= negatedUntil && !NEGATIONS.contains(word)) {
                value = -value;
                negatedUntil = -1;
            }
            score += value;
        }
        return score;
    }
}
