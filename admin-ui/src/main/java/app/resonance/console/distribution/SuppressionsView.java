package app.resonance.console.distribution;

import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.distribution.control.SuppressionList;
import app.resonance.distribution.entity.Suppression;
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

/**
 * The suppression list (ADMIN, {@code /admin/manage/}): the addresses no invitation goes to, newest first, page by
 * page, optionally of one reason; an admin lifts an entry after confirming (audited by {@link SuppressionList}).
 */
@Named
@ViewScoped
public class SuppressionsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    transient SuppressionList suppressions;

    @Inject
    CurrentUser currentUser;

    private Suppression.Reason reason;
    private final Model model = new Model();

    /** Loads one page at a time. */
    public class Model extends LazyDataModel<Suppression> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, suppressions.count(reason));
        }

        @Override
        public List<Suppression> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return suppressions.page(reason, first, pageSize);
        }

        @Override
        public String getRowKey(Suppression entry) {
            return String.valueOf(entry.id());
        }

        @Override
        public Suppression getRowData(String rowKey) {
            return null;
        }
    }

    /** Lifts an entry (admins only; the page is theirs, and the action checks again). */
    public void lift(long id) {
        if (!currentUser.isAdmin()) {
            return;
        }
        suppressions
                .lift(id, currentUser.getUser().username())
                .ifPresentOrElse(
                        lifted -> Faces.info("suppressions.lifted", lifted.email()),
                        () -> Faces.error("suppressions.gone"));
    }

    public String since(Suppression entry) {
        return TIME.format(entry.createdAt());
    }

    /** The source in the console's language: "SMTP: 550 ..." reads "Vom Mailserver abgelehnt: 550 ...". */
    public String source(Suppression entry) {
        String stored = entry.source();
        int colon = stored.indexOf(':');
        String kind = colon < 0 ? stored : stored.substring(0, colon);
        String detail = colon < 0 ? "" : stored.substring(colon);
        return Faces.textOr("suppressionSource." + kind, kind) + detail;
    }

    public Model getModel() {
        return model;
    }

    public Suppression.Reason[] getReasons() {
        return Suppression.Reason.values();
    }

    public Suppression.Reason getReason() {
        return reason;
    }

    public void setReason(Suppression.Reason reason) {
        this.reason = reason;
    }
}
