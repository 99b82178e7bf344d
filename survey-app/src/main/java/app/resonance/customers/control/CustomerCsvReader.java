package app.resonance.customers.control;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.CsvText;
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
 * Errors name the row ({@code rows[<n>]}, n counting the rows below the header from 1) and the field. The
 * result says both what the all-or-nothing API needs ({@link Result#profiles()}: none while any error exists)
 * and what the console's import of the valid rows needs ({@link Result#valid()} and one {@link RowError} per
 * problem of a rejected row, named by row, external id and column in the user's language).
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

    /**
     * What a file holds: {@code profiles} every row if no error at all (else none), {@code errors} every error,
     * {@code valid} the rows without an error (none when the file as a whole cannot be read), and
     * {@code rejected} one entry per problem of a rejected row.
     */
    public record Result(
            List<CustomerProfile> profiles,
            List<FieldError> errors,
            List<CustomerProfile> valid,
            List<RowError> rejected) {

        Result(List<CustomerProfile> profiles, List<FieldError> errors) {
            this(profiles, errors, List.of(), List.of());
        }

        /** The rows not imported (each counted once, however many problems it has). */
        public long rejectedRows() {
            return rejected.stream().map(RowError::row).distinct().count();
        }
    }

    /**
     * A problem of one row: the row (1 is the first below the header), its external id (null if it has none),
     * the file's column (null where the problem is the whole row's), the error, and the sentence that says
     * all of that, e.g. "Row 4 (external id C-1004), column email: This is not an email address."
     */
    public record RowError(long row, String externalId, String column, FieldError error, String text)
            implements java.io.Serializable {}

    /** The fields a column can be mapped to; a column mapped to nothing becomes a free attribute. */
    public static final List<String> FIELDS =
            List.of("externalId", "name", "email", "plan", "region", "lifecycleStage", "renewalDate", "locale");
    /** The mapping value of a column that is not imported at all. */
    public static final String IGNORE = "-";

    /** The header row of a CSV text, as the reader sees it (delimiter guessed, BOM removed). */
    public static List<String> headers(String text) {
        String clean = CsvText.withoutBom(text);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(CsvText.delimiter(clean))
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
        List<CustomerProfile> valid = new ArrayList<>();
        List<RowError> rejected = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try {
            String text = readAll(csv);
            char delimiter = CsvText.delimiter(text);
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
                int rows = 0;
                for (CSVRecord record : parser) {
                    if (rows++ >= MAX_ROWS) {
                        errors.add(messages.error("rows", "tooMany", MAX_ROWS));
                        return new Result(List.of(), errors);
                    }
                    String row = "rows[" + record.getRecordNumber() + "]";
                    List<FieldError> rowErrors = new ArrayList<>();
                    CustomerProfile profile = profile(record, headers, mapping, row, rowErrors, messages);
                    if (profile != null) {
                        rowErrors.addAll(CustomerProfileValidator.validate(profile, row, messages));
                        if (profile.externalId() != null && !seen.add(profile.externalId())) {
                            rowErrors.add(messages.error(row + ".externalId", "duplicate"));
                        }
                        profiles.add(profile);
                    }
                    errors.addAll(rowErrors);
                    if (rowErrors.isEmpty()) {
                        valid.add(profile);
                    } else {
                        String externalId =
                                profile != null ? profile.externalId() : externalId(record, headers, mapping);
                        for (FieldError error : rowErrors) {
                            rejected.add(
                                    rowError(record.getRecordNumber(), externalId, error, headers, mapping, messages));
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(messages.error("csv", "csvMalformed"));
            return new Result(List.of(), errors);
        }
        return new Result(errors.isEmpty() ? profiles : List.of(), errors, valid, rejected);
    }

    /** The external id of a row that could not be read as a profile (wrong column count), if it has one. */
    private static String externalId(CSVRecord record, List<String> headers, Map<String, String> mapping) {
        for (int i = 0; i < headers.size() && i < record.size(); i++) {
            if ("externalId".equals(mapping.get(headers.get(i)))
                    && !record.get(i).isBlank()) {
                return record.get(i);
            }
        }
        return null;
    }

    /** A row's error named by row, external id and the file's column, in the language of {@code messages}. */
    static RowError rowError(
            long row,
            String externalId,
            FieldError error,
            List<String> headers,
            Map<String, String> mapping,
            Messages messages) {
        String column = column(error.field(), headers, mapping);
        String number = Long.toString(row);
        // "Please answer this." speaks to a respondent; a file's empty cell is said differently.
        String message = "required".equals(error.code()) ? messages.get("csvReport.required") : error.message();
        String text;
        if (externalId != null && column != null) {
            text = messages.get("csvReport.rowIdColumn", number, externalId, column, message);
        } else if (externalId != null) {
            text = messages.get("csvReport.rowId", number, externalId, message);
        } else if (column != null) {
            text = messages.get("csvReport.rowColumn", number, column, message);
        } else {
            text = messages.get("csvReport.row", number, message);
        }
        return new RowError(row, externalId, column, error, text);
    }

    /** The file's column an error's field ({@code rows[3].email}, {@code rows[3].attributes.tier}) came from. */
    private static String column(String field, List<String> headers, Map<String, String> mapping) {
        int dot = field.indexOf("].");
        if (dot < 0) {
            return null;
        }
        String name = field.substring(dot + 2);
        if (name.startsWith("attributes.")) {
            String attribute = name.substring("attributes.".length());
            return headers.stream()
                    .filter(h -> mapping.get(h) == null
                            && h.replaceAll("[^A-Za-z0-9_]", "_").equals(attribute))
                    .findFirst()
                    .orElse(null);
        }
        return headers.stream()
                .filter(h -> name.equals(mapping.get(h)))
                .findFirst()
                .orElse(null);
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
        return CustomerProfile.of(fields.get("externalId"), fields, renewal, attributes);
    }

    private static String readAll(Reader reader) throws IOException {
        var builder = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            builder.append(buffer, 0, n);
        }
        return CsvText.withoutBom(builder.toString());
    }
}
