package app.resonance.console.responses;

import app.resonance.analytics.control.ResponseBrowser;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * PrimeFaces' lazy model over the response browser's cursor pages: it remembers the cursor each page starts at
 * (the previous page's "next"), so that the paginator's previous and next links read by keyset, never by offset.
 * Nobody counts all matching responses: the row count is what was read so far, plus one while a next page exists,
 * which keeps the next link enabled.
 */
public class KeysetModel extends LazyDataModel<ResponseBrowser.Row> {

    private static final long serialVersionUID = 1L;

    /** Reads a page after the cursor (null: the newest). */
    public interface Pages extends Serializable {
        ResponseBrowser.Page read(ResponseBrowser.Cursor after, int size);
    }

    private final Pages pages;
    private final Map<Integer, ResponseBrowser.Cursor> starts = new HashMap<>();
    private int known;

    public KeysetModel(Pages pages) {
        this.pages = pages;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return known;
    }

    @Override
    public List<ResponseBrowser.Row> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (first != 0 && !starts.containsKey(first)) {
            // A page nobody reached by "next" (another page size): walk to it from the nearest known start.
            int from = starts.entrySet().stream()
                    .filter(e -> e.getKey() < first)
                    .map(Entry::getKey)
                    .max(Integer::compare)
                    .orElse(0);
            for (int at = from; at < first && (at == 0 || starts.containsKey(at)); at += pageSize) {
                ResponseBrowser.Page skipped = pages.read(starts.get(at), pageSize);
                if (skipped.next() == null) {
                    break;
                }
                starts.put(at + pageSize, skipped.next());
            }
        }
        ResponseBrowser.Page page = pages.read(first == 0 ? null : starts.get(first), pageSize);
        if (page.next() != null) {
            starts.put(first + pageSize, page.next());
        }
        known = first + page.rows().size() + (page.next() == null ? 0 : 1);
        setRowCount(known);
        return page.rows();
    }

    @Override
    public String getRowKey(ResponseBrowser.Row row) {
        return String.valueOf(row.id());
    }
}
