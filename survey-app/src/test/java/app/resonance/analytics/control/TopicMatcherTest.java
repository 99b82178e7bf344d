package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default topics found by Lucene's German and English analysis: stems, compounds, phrases. */
class TopicMatcherTest {

    static final TopicMatcher DEFAULTS = TopicMatcher.of(Topic.DEFAULTS);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Support was slow                                   | SUPPORT
            Der Support war langsam.                           | SUPPORT
            Supportanfragen dauern zu lange                    | SUPPORT
            Unsere Anfragen bleiben liegen.                    | SUPPORT
            Die Kundenserviceanfrage blieb offen.              | SUPPORT
            Wir warten auf den Kundensupport.                  | SUPPORT
            Unsupported export format                          | REPORTING
            The supports we got were fine                      | SUPPORT
            Nobody replied to our tickets                      | SUPPORT,COMMUNICATION
            They answered within minutes                       | SUPPORT
            Die Preiserhöhung ärgert uns.                      | PRICE
            Two invoices for one month, and the pricing is odd | PRICE
            The app crashed twice this week                    | PRODUCT_QUALITY
            Die App ist ständig abgestürzt und lädt langsam.   | PRODUCT_QUALITY
            The app is slow                                    | PRODUCT_QUALITY
            Setting it up took weeks                           | ''
            We could not set up the export                     | ONBOARDING,REPORTING
            Reports are clumsy to build.                       | USABILITY,REPORTING
            Die Exportfunktion ist kompliziert.                | USABILITY,REPORTING
            """)
    void commentsGetTheTopicsTheyName(String text, String topics) {
        assertEquals(topics == null || topics.isEmpty() ? List.of() : List.of(topics.split(",")), DEFAULTS.keys(text));
    }

    @Test
    void aSlowSupportIsNotAProductQualityIssue() {
        assertEquals(List.of("SUPPORT"), DEFAULTS.keys("Support was slow"));
        assertEquals(List.of("SUPPORT"), DEFAULTS.keys("Der Support ist langsam"));
    }

    @Test
    void phrasesMatchOnlyAsSequencesInTheirOrder() {
        assertEquals(List.of("SUPPORT"), DEFAULTS.keys("The help desk fixed it"));
        assertEquals(List.of(), DEFAULTS.keys("Desk help would be nice"));
        assertEquals(List.of("COMMUNICATION"), DEFAULTS.keys("Nobody got back to us"));
        assertEquals(List.of(), DEFAULTS.keys("We got our money back"));
    }

    @Test
    void aDisabledTopicTagsNothingAndANewTopicTagsAtOnce() {
        Topic support = Topic.DEFAULTS.get(0);
        Topic disabled = new Topic(
                support.id(),
                support.key(),
                support.nameDe(),
                support.nameEn(),
                support.keywordsDe(),
                support.keywordsEn(),
                support.phrasesDe(),
                support.phrasesEn(),
                false);
        Topic mobile = new Topic(
                50,
                "MOBILE_APP",
                "Mobile App",
                "Mobile app",
                List.of("Handy", "App"),
                List.of("app", "phone"),
                List.of(),
                List.of("mobile app"),
                true);
        TopicMatcher matcher = TopicMatcher.of(List.of(disabled, mobile));
        assertEquals(List.of("MOBILE_APP"), matcher.keys("Support per Handyapp wäre gut"));
        assertEquals(List.of("MOBILE_APP"), matcher.keys("The phones app keeps logging us out"));
        assertSame(matcher, TopicMatcher.of(List.of(disabled, mobile)));
    }
}
