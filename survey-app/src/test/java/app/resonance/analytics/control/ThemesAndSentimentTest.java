package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Themes and sentiment of real comments in German and English. */
class ThemesAndSentimentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            After we bought the upgrade, support took days to answer.                   | SUPPORT                 | NEGATIVE
            Nobody got back to us after the purchase; onboarding was painful.          | COMMUNICATION,ONBOARDING | NEGATIVE
            Nach dem Kauf hat der Support tagelang nicht geantwortet.                  | SUPPORT                 | NEGATIVE
            Seit dem Upgrade warten wir ewig auf Antworten vom Support.                | SUPPORT                 | NEGATIVE
            Niemand hat sich nach dem Kauf bei uns gemeldet, die Einrichtung war mühsam. | COMMUNICATION,ONBOARDING | NEGATIVE
            Der Preis ist für unser kleines Team zu hoch.                              | PRICE                   | NEUTRAL
            Too expensive for a small team.                                            | PRICE                   | NEGATIVE
            Die Check-in-Anrufe haben wirklich geholfen, danke!                        | COMMUNICATION           | POSITIVE
            The check-in calls really helped, thank you!                               | COMMUNICATION           | POSITIVE
            Schnelle Hilfe und ein gutes Produkt.                                      | SUPPORT                 | POSITIVE
            Reports are clumsy to build.                                               | USABILITY,REPORTING     | NEGATIVE
            Die Berichte sind umständlich.                                             | USABILITY,REPORTING     | NEGATIVE
            The dashboards save us a lot of time.                                      | REPORTING               | POSITIVE
            Zuverlässig und einfach zu bedienen.                                       | PRODUCT_QUALITY,USABILITY | POSITIVE
            """)
    void demoCommentsGetTheirThemesAndSentiment(String text, String themes, Sentiment sentiment) {
        assertEquals(List.of(themes.split(",")), TopicMatcher.of(Topic.DEFAULTS).keys(text), text);
        assertEquals(sentiment, Sentiment.of(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not good                   | NEGATIVE
            nicht schlecht             | POSITIVE
            kein guter Support         | NEGATIVE
            good, but slow and expensive | NEGATIVE
            ''                         | NEUTRAL
            Lorem ipsum                | NEUTRAL
            """)
    void negationsFlipTheNextOpinionWord(String text, Sentiment sentiment) {
        assertEquals(sentiment, Sentiment.of(text), text);
    }

    @ParameterizedTest
    @CsvSource({"100%,100\\%", "a_b,a\\_b", "back\\slash,back\\\\slash"})
    void searchTextsMatchLiterally(String search, String escaped) {
        assertEquals(escaped, Comments.like(search));
    }
}
