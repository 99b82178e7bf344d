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
 * The CSV import in three steps: upload, check (column mapping, every rejected row named by row, external id
 * and column, a preview of the valid rows), store. Storing upserts the valid rows by external id; the rejected
 * rows stay listed after storing, so that no row is lost without the admin seeing it. A file that cannot be
 * read as a whole (a required column missing, broken quotes, too many rows) stores nothing.
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
    private List<FieldError> fileErrors = List.of();
    private List<CustomerCsvReader.RowError> rejected = List.of();
    private long rejectedRows;
    private List<CustomerProfile> profiles = List.of();
    private boolean stored;

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
        fileErrors = result.errors().stream()
                .filter(e -> !e.field().startsWith("rows["))
                .toList();
        rejected = result.rejected();
        rejectedRows = result.rejectedRows();
        profiles = result.valid();
        stored = false;
        if (fileErrors.isEmpty() && rejected.isEmpty()) {
            Faces.info("import.valid", profiles.size());
        }
    }

    @Transactional
    public String store() {
        check();
        if (!isReady()) {
            return null;
        }
        var count = directory.upsertAll(profiles);
        if (rejectedRows == 0) {
            Faces.info("import.done", count.created(), count.updated());
        } else {
            Faces.info("import.doneSkipping", count.created(), count.updated(), rejectedRows);
        }
        csv = null;
        columns = new ArrayList<>();
        profiles = List.of();
        stored = true;
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
        return csv != null && fileErrors.isEmpty() && !profiles.isEmpty();
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

    /** What keeps the whole file from being imported (a required column missing, broken quotes, too many rows). */
    public List<FieldError> getFileErrors() {
        return fileErrors;
    }

    /** Every problem of a row that is not imported, as a sentence naming row, external id and column. */
    public List<CustomerCsvReader.RowError> getRejected() {
        return rejected;
    }

    /** The heading above the rejected rows: before storing they "will not be", after it they "were not" imported. */
    public String getRejectedHeading() {
        return Faces.text(stored ? "import.rejectedStored" : "import.rejected", rejectedRows);
    }

    public String getStoreLabel() {
        return rejectedRows == 0
                ? Faces.text("import.store", profiles.size())
                : Faces.text("import.storeValid", profiles.size(), rejectedRows);
    }

    public int getCount() {
        return profiles.size();
    }
}
