package app.resonance.analytics.control;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks an ordered result set whose first column is the response id alongside the export's responses, one
 * response id at a time, so that answers and segments join their response without being held in memory.
 */
final class CursorMerge {
    private final ResultSet rs;
    private boolean pending;
    private boolean done;

    CursorMerge(ResultSet rs) {
        this.rs = rs;
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    void forResponse(long id, Row row) throws SQLException {
        while (!done) {
            if (!pending) {
                if (!rs.next()) {
                    done = true;
                    return;
                }
                pending = true;
            }
            long current = rs.getLong(1);
            if (current > id) {
                return;
            }
            if (current == id) {
                row.read(rs);
            }
            pending = false;
        }
    }
}
