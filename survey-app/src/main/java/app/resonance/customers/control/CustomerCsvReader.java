package app.resonance.customers.control;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads customers from CSV with a header row (comma or semicolon separated, as German spreadsheets
 * write it). Known columns map to the standard fields; every other column becomes a free attribute.
 * Errors name the row ({@code rows[<line>]}) and the field; an import with any error stores nothing.
 */
public final class CustomerCsvReader {

    public static final int MAX_ROWS = 100_000;
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("externalid", "externalId"),
            Map.entry("external_id", "externalId"),
            Map.entry("id", "externalId"),
            Map.entry("name", "name"),
            Map.entry("email", "email"),
            Map.entry("e-mail", "email"),
            Map.entry("plan", "plan"),
            Map.entry("region", "region"),
            Map.entry("lifecyclestage", "lifecycleStage"),
            Map.entry("lifecycle_stage", "lifecycleStage"),
            Map.entry("renewaldate", "renewalDate"),
            Map.entry("renewal_date", "renewalDate"),
            Map.entry("locale", "locale"),
            Map.entry("language", "locale"));

    private CustomerCsvReader() {}

    public record Result(List<CustomerProfile> profiles, List<FieldError> errors) {}

    /** The fields a column can be mapped to; a column mapped to nothing becomes a free attribute. */
    public static final List<String> FIELDS =
            List.of("externalId", "name", "email", "plan", "region", "lifecycleStage", "renewalDate", "locale");
    /** The mapping value of a column that is not imported at all. */
    public static final String IGNORE = "-";

    /** The header row of a CSV text, as the reader sees it (delimiter guessed, BOM removed). */
    public static List<String> headers(String text) {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(guessDelimiter(clean))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(clean, format)) {
            return List.copyOf(parser.getHeaderNames());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return List.of();
        }
    }

    /** The field each column maps to when nobody says otherwise (null: a free attribute). */
    public static Map<String, String> suggestedMapping(List<String> headers) {
        Map<String, String> mapping = new HashMap<>();
        for (String header : headers) {
            mapping.put(
                    header, COLUMNS.getOrDefault(header.toLowerCase(Locale.ROOT).replace(" ", ""), null));
        }
        return mapping;
    }

    public static Result read(Reader csv, Messages messages) {
        return read(csv, null, messages);
    }

    /**
     * Reads with the given column mapping (header to field; null or absent: free attribute; {@link #IGNORE}:
     * skipped); without a mapping, the columns are recognised by their names.
     */
    public static Result read(Reader csv, Map<String, String> chosenMapping, Messages messages) {
        List<CustomerProfile> profiles = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try {
            String text = readAll(csv);
            char delimiter = guessDelimiter(text);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                List<String> headers = parser.getHeaderNames();
                Map<String, String> mapping = new HashMap<>(suggestedMapping(headers));
                if (chosenMapping != null) {
                    headers.forEach(header -> mapping.put(header, chosenMapping.get(header)));
                }
                if (!mapping.containsValue("externalId")) {
                    errors.add(messages.error("header", "csvColumnMissing", "externalId"));
                }
                if (!mapping.containsValue("name")) {
                    errors.add(messages.error("header", "csvColumnMissing", "name"));
                }
                if (!errors.isEmpty()) {
                    return new Result(List.of(), errors);
                }
                Set<String> seen = new HashSet<>();
                for (CSVRecord record : parser) {
                    if (profiles.size() >= MAX_ROWS) {
                        errors.add(messages.error("rows", "tooMany", MAX_ROWS));
                        break;
                    }
                    String row = "rows[" + record.getRecordNumber() + "]";
                    CustomerProfile profile = profile(record, headers, mapping, row, errors, messages);
                    if (profile == null) {
                        continue;
                    }
                    var rowErrors = CustomerProfileValidator.validate(profile, row, messages);
                    errors.addAll(rowErrors);
                    if (profile.externalId() != null && !seen.add(profile.externalId())) {
                        errors.add(messages.error(row + ".externalId", "duplicate"));
                    }
                    profiles.add(profile);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(messages.error("csv", "csvMalformed"));
        }
        return new Result(errors.isEmpty() ? profiles : List.of(), errors);
    }

    private static CustomerProfile profile(
            CSVRecord record,
            List<String> headers,
            Map<String, String> mapping,
            String row,
            List<FieldError> errors,
            Messages messages) {
        if (record.size() != headers.size()) {
            errors.add(messages.error(row, "csvColumns", headers.size(), record.size()));
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, String> attributes = new HashMap<>();
        for (String header : headers) {
            String value = record.get(header);
            String field = mapping.get(header);
            if (IGNORE.equals(field)) {
                continue;
            }
            if (field != null) {
                fields.put(field, value == null || value.isBlank() ? null : value);
            } else if (value != null && !value.isBlank()) {
                attributes.put(header.replaceAll("[^A-Za-z0-9_]", "_"), value);
            }
        }
        LocalDate renewal = null;
        if (fields.get("renewalDate") != null) {
            try {
                renewal = LocalDate.parse(fields.get("renewalDate"));
            } catch (DateTimeParseException e) {
                errors.add(messages.error(row + ".renewalDate", "expectedDate"));
            }
        }
        return new CustomerProfile(
                fields.get("externalId"),
                fields.get("name"),
                fields.get("email"),
                fields.get("plan"),
                fields.get("region"),
                fields.get("lifecycleStage"),
                renewal,
                fields.get("locale"),
                attributes);
    }

    private static String readAll(Reader reader) throws IOException {
        var builder = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            builder.append(buffer, 0, n);
        }
        String text = builder.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
    }
}
