package app.resonance.console.audit;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.audit.entity.AuditEntry;
import app.resonance.console.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Who changed what, newest first, page by page, optionally of one area. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    transient AuditLog log;

    private AuditArea area;
    private final Model model = new Model();

    /** Loads one page at a time. */
    public class Model extends LazyDataModel<AuditEntry> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, log.count(area));
        }

        @Override
        public List<AuditEntry> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return log.page(area, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.id());
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return null;
        }
    }

    public String time(AuditEntry entry) {
        return TIME.format(entry.occurredAt());
    }

    /** The action in the console's language ("draftSaved" reads "Entwurf gespeichert"). */
    public String action(AuditEntry entry) {
        return Faces.textOr("auditAction." + entry.action(), entry.action());
    }

    /** The details in the console's language ("1 created, 1 updated" reads "1 angelegt, 1 geändert"). */
    public String details(AuditEntry entry) {
        return AuditDetail.render(entry.details(), Faces.messages());
    }

    public Model getModel() {
        return model;
    }

    public AuditArea[] getAreas() {
        return AuditArea.values();
    }

    public AuditArea getArea() {
        return area;
    }

    public void setArea(AuditArea area) {
        this.area = area;
    }
}
