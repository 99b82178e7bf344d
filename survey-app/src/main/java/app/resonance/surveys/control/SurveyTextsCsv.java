package app.resonance.surveys.control;

import app.resonance.platform.control.CsvText;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.SpreadsheetSafety;
import app.resonance.platform.control.Texts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A survey's texts for translators: one row per text (its key, then a column per respondent language), written from
 * a draft and read back into it. Keys: {@code title}, {@code intro}, {@code <question>.text},
 * {@code <question>.minLabel}, {@code <question>.maxLabel}, {@code <question>.option.<option>} and
 * {@code <question>.row.<row>}. Reading changes only the languages whose columns the file has and only the rows it
 * has; an empty cell removes that language's text (publishing then names what is missing). Exported cells that a
 * spreadsheet would run as a formula get a leading apostrophe, which reading takes off again.
 */
public final class SurveyTextsCsv {

    public static final String KEY = "key";
    public static final List<String> LANGUAGES = Messages.RESPONDENT_LANGUAGES;
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_TEXT = 2_000;

    private SurveyTextsCsv() {}

    /** The checked result: the draft with the file's texts, or every error, each naming its row or column. */
    public record Read(SurveyDraft draft, List<FieldError> errors) {}

    /** The draft's texts as CSV (UTF-8 with a byte order mark for spreadsheets, CRLF line ends). */
    public static String write(SurveyDraft draft) {
        var out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>();
            header.add(KEY);
            header.addAll(LANGUAGES);
            printer.printRecord(header);
            for (Map.Entry<String, Texts> text : texts(draft).entrySet()) {
                List<String> row = new ArrayList<>();
                row.add(text.getKey());
                for (String language : LANGUAGES) {
                    String value =
                            text.getValue() == null ? null : text.getValue().in(language);
                    row.add(value == null ? "" : SpreadsheetSafety.neutralise(value));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a file written by {@link #write} (perhaps translated) into the draft; comma or semicolon. */
    public static Read read(String csv, SurveyDraft draft, Messages messages) {
        String text = CsvText.withoutBom(csv);
        List<FieldError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(CsvText.delimiter(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        Map<String, Texts> texts = texts(draft);
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> languages = new ArrayList<>();
            for (String column : header) {
                String name = column.strip().toLowerCase(Locale.ROOT);
                if (name.equals(KEY)) {
                    continue;
                }
                if (!LANGUAGES.contains(name)) {
                    errors.add(messages.error("columns", "textsCsvColumn", column, String.join(", ", LANGUAGES)));
                } else {
                    languages.add(name);
                }
            }
            if (header.stream().noneMatch(c -> c.strip().equalsIgnoreCase(KEY)) || languages.isEmpty()) {
                errors.add(messages.error("columns", "textsCsvHeader", String.join(", ", LANGUAGES)));
                return new Read(null, errors);
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber() + 1;
                if (record.getRecordNumber() > MAX_ROWS) {
                    errors.add(messages.error("rows", "textsCsvRows", MAX_ROWS));
                    break;
                }
                String key = cell(record, KEY, header);
                String field = "rows[" + row + "]";
                if (key == null || !texts.containsKey(key)) {
                    errors.add(messages.error(field + "." + KEY, "textsCsvKey", row, key == null ? "" : key));
                    continue;
                }
                if (!seen.add(key)) {
                    errors.add(messages.error(field + "." + KEY, "textsCsvDuplicate", row, key));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String language : languages) {
                    String value = unneutralise(cell(record, language, header));
                    if (value != null && value.length() > MAX_TEXT) {
                        errors.add(messages.error(field + "." + language, "textsCsvLong", row, MAX_TEXT));
                    }
                    values.put(language, value);
                }
                changes.put(key, values);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(messages.error("csv", "textsCsvUnreadable"));
        }
        if (!errors.isEmpty()) {
            return new Read(null, List.copyOf(errors));
        }
        return new Read(apply(draft, changes), List.of());
    }

    /**
     * Per language the survey offers, how many of its texts lack that language (a text no language has, such as an
     * intro left out, does not count), in the survey's order of languages.
     */
    public static Map<String, Long> missing(SurveyDraft draft) {
        List<Texts> present =
                texts(draft).values().stream().filter(t -> t != null).toList();
        List<String> offered =
                draft.languages() == null || draft.languages().isEmpty() ? List.of("de", "en") : draft.languages();
        Map<String, Long> missing = new LinkedHashMap<>();
        for (String language : offered) {
            if (LANGUAGES.contains(language)) {
                missing.put(
                        language,
                        present.stream()
                                .filter(t ->
                                        t.in(language) == null || t.in(language).isBlank())
                                .count());
            }
        }
        return missing;
    }

    /** How many texts the draft has in at least one language. */
    public static long count(SurveyDraft draft) {
        return texts(draft).values().stream().filter(t -> t != null).count();
    }

    /** Every text of the draft by its key, in the order a translator reads the survey; absent texts too. */
    static Map<String, Texts> texts(SurveyDraft draft) {
        Map<String, Texts> texts = new LinkedHashMap<>();
        texts.put("title", draft.title());
        texts.put("intro", draft.intro());
        for (QuestionDraft q : questions(draft)) {
            texts.put(q.id() + ".text", q.text());
            if (q.minLabel() != null || q.maxLabel() != null || q.min() != null) {
                texts.put(q.id() + ".minLabel", q.minLabel());
                texts.put(q.id() + ".maxLabel", q.maxLabel());
            }
            for (OptionDraft o : list(q.options())) {
                texts.put(q.id() + ".option." + o.id(), o.label());
            }
            for (OptionDraft r : list(q.rows())) {
                texts.put(q.id() + ".row." + r.id(), r.label());
            }
        }
        return texts;
    }

    private static SurveyDraft apply(SurveyDraft draft, Map<String, Map<String, String>> changes) {
        List<QuestionDraft> questions = questions(draft).stream()
                .map(q -> new QuestionDraft(
                        q.id(),
                        q.type(),
                        q.required(),
                        changed(q.text(), changes.get(q.id() + ".text")),
                        q.min(),
                        q.max(),
                        changed(q.minLabel(), changes.get(q.id() + ".minLabel")),
                        changed(q.maxLabel(), changes.get(q.id() + ".maxLabel")),
                        options(list(q.options()), q.id() + ".option.", changes),
                        options(list(q.rows()), q.id() + ".row.", changes),
                        q.page(),
                        q.showIf()))
                .toList();
        return new SurveyDraft(
                draft.slug(),
                draft.kind(),
                draft.anonymous(),
                changed(draft.title(), changes.get("title")),
                changed(draft.intro(), changes.get("intro")),
                draft.languages(),
                draft.defaultLanguage(),
                questions);
    }

    private static List<OptionDraft> options(
            List<OptionDraft> options, String prefix, Map<String, Map<String, String>> changes) {
        return options.stream()
                .map(o -> new OptionDraft(o.id(), changed(o.label(), changes.get(prefix + o.id()))))
                .toList();
    }

    /** The texts with the file's languages replaced; null when no language has a text left. */
    private static Texts changed(Texts texts, Map<String, String> values) {
        if (values == null) {
            return texts;
        }
        Texts result = texts == null ? new Texts(null, null, null, null, null, null, null) : texts;
        for (Map.Entry<String, String> v : values.entrySet()) {
            result = result.with(v.getKey(), v.getValue());
        }
        Texts done = result;
        return LANGUAGES.stream().allMatch(l -> done.in(l) == null) ? null : done;
    }

    private static String cell(CSVRecord record, String column, List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(column)) {
                String value = i < record.size() ? record.get(i).strip() : "";
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** Takes off the apostrophe the export put before a text a spreadsheet would have run as a formula. */
    static String unneutralise(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'') {
            String rest = value.substring(1);
            if (SpreadsheetSafety.neutralise(rest).equals(value)) {
                return rest;
            }
        }
        return value;
    }

    private static List<QuestionDraft> questions(SurveyDraft draft) {
        return draft.questions() == null ? List.of() : draft.questions();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
