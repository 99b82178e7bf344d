package app.resonance.console.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.ResponseBrowser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's lazy model over cursor pages: "next" reads after the previous page's last response, "previous"
 * reads the remembered start again, the row count keeps the next link only while there is a next page, and a
 * page nobody reached by "next" is walked to.
 */
class KeysetModelTest {

    /** Seven responses, ids 7 (newest) down to 1; records the cursor each read started after. */
    static final class Pages implements KeysetModel.Pages {
        final List<Long> after = new ArrayList<>();

        @Override
        public ResponseBrowser.Page read(ResponseBrowser.Cursor cursor, int size) {
            long start = cursor == null ? 7 : cursor.id() - 1;
            after.add(cursor == null ? null : cursor.id());
            List<ResponseBrowser.Row> rows = new ArrayList<>();
            for (long id = start; id >= 1 && rows.size() < size; id--) {
                rows.add(new ResponseBrowser.Row(
                        id, Instant.EPOCH, 1, "COMPLETE", "LINK", "en", null, null, null, null, List.of()));
            }
            long last = rows.get(rows.size() - 1).id();
            return new ResponseBrowser.Page(
                    rows, last > 1 ? new ResponseBrowser.Cursor(LocalDateTime.of(2026, 1, 1, 0, 0), last) : null);
        }
    }

    private static List<Long> ids(List<ResponseBrowser.Row> rows) {
        return rows.stream().map(ResponseBrowser.Row::id).toList();
    }

    @Test
    void nextAndPreviousReadByCursorAndTheCountEndsWithTheLastPage() {
        Pages pages = new Pages();
        KeysetModel model = new KeysetModel(pages);
        assertEquals(0, model.count(Map.of()));
        assertEquals(List.of(7L, 6L, 5L), ids(model.load(0, 3, Map.of(), Map.of())));
        assertEquals(4, model.count(Map.of()), "three read and a next page");
        assertEquals(List.of(4L, 3L, 2L), ids(model.load(3, 3, Map.of(), Map.of())));
        assertEquals(List.of(1L), ids(model.load(6, 3, Map.of(), Map.of())));
        assertEquals(7, model.count(Map.of()), "the last page: no next link");
        assertEquals(List.of(4L, 3L, 2L), ids(model.load(3, 3, Map.of(), Map.of())), "previous");
        assertEquals(java.util.Arrays.asList(null, 5L, 2L, 5L), pages.after);
    }

    @Test
    void aPageNobodyReachedByNextIsWalkedTo() {
        Pages pages = new Pages();
        KeysetModel model = new KeysetModel(pages);
        assertEquals(List.of(3L, 2L), ids(model.load(4, 2, Map.of(), Map.of())));
        assertEquals(java.util.Arrays.asList(null, 6L, 4L), pages.after);
    }
}
