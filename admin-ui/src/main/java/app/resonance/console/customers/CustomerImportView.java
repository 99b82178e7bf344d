package app.resonance.console.customers;

import app.resonance.console.platform.Faces;
import app.resonance.customers.control.CustomerCsvReader;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV import in three steps: upload, check (column mapping, every row's errors, a preview), store.
 * Nothing is stored while any row has an error; storing upserts by external id.
 */
@Named
@ViewScoped
public class CustomerImportView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = "";

    @Inject
    transient CustomerDirectory directory;

    private transient Part file;
    private String csv;
    private List<Column> columns = new ArrayList<>();
    private List<FieldError> errors = List.of();
    private List<CustomerProfile> profiles = List.of();

    /** One column of the file and the field it goes to ("" a free attribute, "-" not imported). */
    public static class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String header;
        private String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }

        public String getHeader() {
            return header;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Faces.error("import.noFile");
            return;
        }
        try (var in = file.getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            Faces.error("import.noFile");
            return;
        }
        List<String> headers = CustomerCsvReader.headers(csv);
        Map<String, String> suggested = CustomerCsvReader.suggestedMapping(headers);
        columns = new ArrayList<>();
        headers.forEach(h -> columns.add(new Column(h, suggested.get(h) == null ? ATTRIBUTE : suggested.get(h))));
        check();
    }

    public void check() {
        if (csv == null) {
            Faces.error("import.noFile");
            return;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.forEach(c -> mapping.put(c.header, ATTRIBUTE.equals(c.field) ? null : c.field));
        var result = CustomerCsvReader.read(new StringReader(csv), mapping, Faces.messages());
        errors = result.errors();
        profiles = result.profiles();
        if (errors.isEmpty()) {
            Faces.info("import.valid", profiles.size());
        }
    }

    @Transactional
    public String store() {
        check();
        if (!errors.isEmpty() || profiles.isEmpty()) {
            return null;
        }
        var count = directory.upsertAll(profiles);
        Faces.info("import.done", count.created(), count.updated());
        csv = null;
        columns = new ArrayList<>();
        profiles = List.of();
        return null;
    }

    public List<String> getFields() {
        return CustomerCsvReader.FIELDS;
    }

    /** A field of the import as the console names it ("renewalDate" reads "Verlängerungsdatum"). */
    public String fieldName(String field) {
        return field == null ? "" : Faces.textOr("importField." + field, field);
    }

    public List<CustomerProfile> getPreview() {
        return profiles.subList(0, Math.min(20, profiles.size()));
    }

    public boolean isReady() {
        return csv != null && errors.isEmpty() && !profiles.isEmpty();
    }

    public boolean isUploaded() {
        return csv != null;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public List<Column> getColumns() {
        return columns;
    }

    /** An error as the page shows it: the row of the file (if any), the field, the message. */
    public record RowError(String row, String field, String message) implements Serializable {}

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("rows\\[(\\d+)\\](?:\\.(.*))?");

    public List<RowError> getErrors() {
        return errors.stream()
                .map(e -> {
                    var m = ROW.matcher(e.field());
                    return m.matches()
                            ? new RowError(m.group(1), m.group(2) == null ? "" : m.group(2), e.message())
                            : new RowError("", e.field(), e.message());
                })
                .toList();
    }

    public String getStoreLabel() {
        return Faces.text("import.store", profiles.size());
    }

    public int getCount() {
        return profiles.size();
    }
}
