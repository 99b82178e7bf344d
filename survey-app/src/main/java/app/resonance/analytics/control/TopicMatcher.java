package app.resonance.analytics.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Finds the topics of comments with Lucene's analyzers. A comment is analysed once in German (lower case, compound
 * words split against the topics' own German keywords, German normalisation, light stemming) and once in English
 * (possessives, lower case, Porter stemming); each topic's keywords and phrases, analysed the same way (without
 * the compound split) when the matcher is made, are then looked up as token sequences in those analyses. So
 * "Supportanfragen" finds "Support" and "Anfrage", "replies" finds "reply", "set up" finds "setting up" only as a
 * sequence. A matcher is immutable and thread-safe; {@link #of} hands out the same one while the topics are equal.
 */
public final class TopicMatcher {

    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }
    };

    private static final Analyzer GERMAN_TERMS = german(null);
    private static final AtomicReference<TopicMatcher> LAST = new AtomicReference<>();

    private final List<Topic> topics;
    private final Analyzer germanText;
    private final List<List<List<String>>> germanSequences = new ArrayList<>();
    private final List<List<List<String>>> englishSequences = new ArrayList<>();

    private TopicMatcher(List<Topic> topics) {
        this.topics = List.copyOf(topics);
        CharArraySet dictionary = new CharArraySet(16, true);
        for (Topic topic : this.topics) {
            topic.keywordsDe().stream()
                    .filter(k -> !k.isBlank() && k.strip().indexOf(' ') < 0)
                    .forEach(k -> dictionary.add(k.strip().toLowerCase(Locale.GERMAN)));
        }
        this.germanText = german(dictionary);
        for (Topic topic : this.topics) {
            germanSequences.add(sequences(GERMAN_TERMS, topic.keywordsDe(), topic.phrasesDe()));
            englishSequences.add(sequences(ENGLISH, topic.keywordsEn(), topic.phrasesEn()));
        }
    }

    /** The matcher of these topics: the last one made when they are the same (no stale definitions). */
    public static TopicMatcher of(List<Topic> topics) {
        TopicMatcher last = LAST.get();
        if (last != null && last.topics.equals(topics)) {
            return last;
        }
        TopicMatcher made = new TopicMatcher(topics);
        LAST.set(made);
        return made;
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The keys of the enabled topics a text names, in the topics' order. */
    public List<String> keys(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Set<String>> german = positions(germanText, text);
        List<Set<String>> english = positions(ENGLISH, text);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            Topic topic = topics.get(i);
            if (topic.enabled()
                    && (anyFound(germanSequences.get(i), german) || anyFound(englishSequences.get(i), english))) {
                keys.add(topic.key());
            }
        }
        return keys;
    }

    /** Whether a text names the topic with this key. */
    public boolean matches(String key, String text) {
        return keys(text).contains(key);
    }

    private static Analyzer german(CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                if (dictionary != null && !dictionary.isEmpty()) {
                    stream = new CompoundParts(stream, dictionary);
                }
                stream = new GermanNormalizationFilter(stream);
                return new TokenStreamComponents(source, new GermanLightStemFilter(stream));
            }
        };
    }

    /**
     * Splits a German compound into the dictionary words that begin it or end it (before an inflection ending):
     * "Supportanfragen" gives "support" and "anfrage", "Kundensupport" "support"; a word inside another one, as
     * "support" in "unsupported", is no part.
     */
    static final class CompoundParts extends DictionaryCompoundWordTokenFilter {

        private static final List<String> ENDINGS = List.of("", "e", "n", "en", "s", "es", "er", "ern", "ns");

        CompoundParts(TokenStream input, CharArraySet dictionary) {
            super(input, dictionary, 5, 3, 15, false);
        }

        @Override
        protected void decompose() {
            super.decompose();
            String word = termAtt.toString();
            tokens.removeIf(part -> {
                String text = part.txt.toString();
                return !word.startsWith(text) && ENDINGS.stream().noneMatch(ending -> word.endsWith(text + ending));
            });
        }
    }

    private static List<List<String>> sequences(Analyzer analyzer, List<String> keywords, List<String> phrases) {
        Set<List<String>> sequences = new LinkedHashSet<>();
        for (String words : concat(keywords, phrases)) {
            List<String> terms = positions(analyzer, words).stream()
                    .map(s -> s.iterator().next())
                    .toList();
            if (!terms.isEmpty()) {
                sequences.add(terms);
            }
        }
        return List.copyOf(sequences);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean anyFound(List<List<String>> sequences, List<Set<String>> positions) {
        for (List<String> sequence : sequences) {
            for (int start = 0; start + sequence.size() <= positions.size(); start++) {
                boolean found = true;
                for (int k = 0; k < sequence.size() && found; k++) {
                    found = positions.get(start + k).contains(sequence.get(k));
                }
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The terms at each position of a text (a compound's parts share its position). */
    static List<Set<String>> positions(Analyzer analyzer, String text) {
        List<Set<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new HashSet<>());
                }
                positions.get(positions.size() - 1).add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }
}
