package app.resonance.analytics.control;

import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comment topics: read for matching (every read sees the stored definitions, so an edit counts from the next
 * request on; {@link TopicMatcher#of} reuses the analyzers while nothing changed), listed, checked, created,
 * changed and removed by admins; every change is audited. The default topics can be changed and disabled, not
 * removed.
 */
@ApplicationScoped
public class Topics {

    public static final int NAME_LENGTH = 60;
    public static final int MAX_WORDS = 30;
    public static final int WORD_LENGTH = 60;
    static final String SEPARATOR = "|";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A topic as an admin sends it; null lists are empty, a null enabled true. */
    public record Draft(
            String nameDe,
            String nameEn,
            List<String> keywordsDe,
            List<String> keywordsEn,
            List<String> phrasesDe,
            List<String> phrasesEn,
            Boolean enabled)
            implements Serializable {}

    /** Every topic in id order (the defaults first), read on the caller's connection. */
    public static List<Topic> read(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled"
                        + " FROM topic ORDER BY id",
                rs -> new Topic(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        split(rs.getString(5)),
                        split(rs.getString(6)),
                        split(rs.getString(7)),
                        split(rs.getString(8)),
                        rs.getBoolean(9)));
    }

    /** The matcher of the stored topics. */
    public static TopicMatcher matcher(Connection c) throws SQLException {
        return TopicMatcher.of(read(c));
    }

    @Transactional
    public List<Topic> all() {
        try {
            return read(connection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a topic with this key (upper case) is defined, enabled or not. */
    @Transactional
    public boolean defined(String key) {
        return all().stream().anyMatch(t -> t.key().equals(key));
    }

    @Transactional
    public TopicMatcher matcher() {
        return TopicMatcher.of(all());
    }

    @Transactional
    public Optional<Topic> byId(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The errors of a draft, each naming its field. */
    public static List<FieldError> validate(Draft draft, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("nameDe", draft.nameDe(), true, NAME_LENGTH, errors);
        messages.checkText("nameEn", draft.nameEn(), true, NAME_LENGTH, errors);
        words("keywordsDe", draft.keywordsDe(), messages, errors);
        words("keywordsEn", draft.keywordsEn(), messages, errors);
        words("phrasesDe", draft.phrasesDe(), messages, errors);
        words("phrasesEn", draft.phrasesEn(), messages, errors);
        if (clean(draft.keywordsDe()).isEmpty() && clean(draft.keywordsEn()).isEmpty()) {
            errors.add(messages.error("keywords", "oneKeyword"));
        }
        return errors;
    }

    private static void words(String field, List<String> words, Messages messages, List<FieldError> errors) {
        List<String> clean = clean(words);
        if (clean.size() > MAX_WORDS) {
            errors.add(messages.error(field, "tooMany", MAX_WORDS));
            return;
        }
        for (String word : clean) {
            int before = errors.size();
            messages.checkText(field, word, true, WORD_LENGTH, errors);
            if (errors.size() == before && word.contains(SEPARATOR)) {
                errors.add(messages.error(field, "badCharacters"));
            }
            if (errors.size() > before) {
                return;
            }
        }
    }

    /** Stores a checked draft under a key made of its English name; answers its id. */
    @Transactional
    public long create(Draft draft) {
        try {
            Connection c = connection();
            long id = Jdbc.nextval(c, "topic_seq");
            String key = key(draft.nameEn());
            if (Jdbc.number(c, "SELECT COUNT(*) FROM topic WHERE topic_key = ?", key) > 0) {
                key = (key.length() > 28 ? key.substring(0, 28) : key) + "_" + id;
            }
            Instant now = clock.instant();
            Jdbc.update(
                    c,
                    "INSERT INTO topic (id, topic_key, name_de, name_en, enabled, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, TRUE, ?, ?)",
                    id,
                    key,
                    draft.nameDe().strip(),
                    draft.nameEn().strip(),
                    now,
                    now);
            write(c, id, draft);
            audit.record(AuditArea.TOPIC, draft.nameEn().strip(), "created");
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a topic's names, words and state (its key stays); false when there is none. */
    @Transactional
    public boolean update(long id, Draft draft) {
        try {
            Connection c = connection();
            if (Jdbc.number(c, "SELECT COUNT(*) FROM topic WHERE id = ?", id) == 0) {
                return false;
            }
            write(c, id, draft);
            audit.record(AuditArea.TOPIC, draft.nameEn().strip(), "updated");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a topic; false when there is none. */
    @Transactional
    public boolean delete(long id) {
        try {
            Connection c = connection();
            Optional<String> name = Jdbc.first(c, "SELECT name_en FROM topic WHERE id = ?", rs -> rs.getString(1), id);
            if (name.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM topic WHERE id = ?", id);
            audit.record(AuditArea.TOPIC, name.get(), "removed");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Connection c, long id, Draft draft) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE topic SET name_de = ?, name_en = ?, keywords_de = ?, keywords_en = ?, phrases_de = ?,"
                        + " phrases_en = ?, enabled = ?, updated_at = ? WHERE id = ?",
                draft.nameDe().strip(),
                draft.nameEn().strip(),
                joined(draft.keywordsDe()),
                joined(draft.keywordsEn()),
                joined(draft.phrasesDe()),
                joined(draft.phrasesEn()),
                draft.enabled() == null || draft.enabled(),
                clock.instant(),
                id);
    }

    /** A key from a name: upper-case ASCII letters and digits joined by underscores ("Mobile app": MOBILE_APP). */
    static String key(String name) {
        String ascii = Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        ascii = ascii.length() > 34 ? ascii.substring(0, 34) : ascii;
        return ascii.isEmpty() ? "TOPIC" : ascii;
    }

    static List<String> clean(List<String> words) {
        return words == null
                ? List.of()
                : words.stream()
                        .filter(w -> w != null && !w.isBlank())
                        .map(w -> w.strip().replaceAll("\\s+", " "))
                        .distinct()
                        .toList();
    }

    private static String joined(List<String> words) {
        List<String> clean = clean(words);
        return clean.isEmpty() ? null : String.join(SEPARATOR, clean);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }
}
