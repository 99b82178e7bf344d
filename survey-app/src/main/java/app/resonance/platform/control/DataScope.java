package app.resonance.platform.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The data a signed-in user may see: everything, or the responses, customers and figures of some segments (a
 * region is a segment on the customer's region). A limited user looks at one of their segments at a time: where a
 * request names no segment the first of theirs (by key) is taken, a segment outside them is refused, and no figure
 * over all responses is ever answered. Checked where the data is read (the queries), for the API and the console
 * alike; {@link DataScopes} gives the caller's.
 *
 * @param segmentIds the segments' ids, in the order of their keys; empty for everything
 * @param segmentKeys the same segments' keys, in the same order
 */
public record DataScope(List<Long> segmentIds, List<String> segmentKeys) {

    /** No limit: admins, users without segments, and the app's own work (timers, public submissions). */
    public static final DataScope ALL = new DataScope(List.of(), List.of());

    public DataScope {
        segmentIds = List.copyOf(segmentIds);
        segmentKeys = List.copyOf(segmentKeys);
        if (segmentIds.size() != segmentKeys.size()) {
            throw new IllegalArgumentException("one key per segment");
        }
    }

    /** Whether this user sees only some segments. */
    public boolean limited() {
        return !segmentIds.isEmpty();
    }

    /** Whether data of this segment (null: all responses) may be shown. */
    public boolean covers(Long segmentId) {
        return !limited() || (segmentId != null && segmentIds.contains(segmentId));
    }

    /** Whether data of the segment with this key (null: all responses) may be shown. */
    public boolean coversKey(String segmentKey) {
        return !limited() || (segmentKey != null && segmentKeys.contains(segmentKey));
    }

    /**
     * The segment key a request is answered for: the requested one, or for a limited user the first of theirs when
     * none was named. A segment outside the limit is refused.
     */
    public String segmentKey(String requested) {
        if (!limited()) {
            return requested;
        }
        if (requested == null || requested.isBlank()) {
            return segmentKeys.get(0);
        }
        if (!segmentKeys.contains(requested)) {
            throw new OutsideDataScopeException("segment");
        }
        return requested;
    }

    /** As {@link #segmentKey(String)} by id. */
    public Long segmentId(Long requested) {
        if (!limited()) {
            return requested;
        }
        if (requested == null) {
            return segmentIds.get(0);
        }
        if (!segmentIds.contains(requested)) {
            throw new OutsideDataScopeException("segment");
        }
        return requested;
    }

    /**
     * Refuses a limited user something that would show a saved view to others (a share link, a digest) unless the
     * view names one of their segments: what others see must not reach beyond what its maker may see.
     */
    public void requireSegment(String segmentKey, String field) {
        if (limited() && (segmentKey == null || !segmentKeys.contains(segmentKey))) {
            throw new OutsideDataScopeException(field);
        }
    }

    /** Refuses what a limited user may not use at all (figures over every customer, company-wide lists). */
    public void requireUnlimited(String field) {
        if (limited()) {
            throw new OutsideDataScopeException(field);
        }
    }

    /**
     * A condition (to AND into a WHERE clause) that lets through only responses ({@code alias.id}) tagged with one of
     * the segments at submission; {@code TRUE} for everything. The ids are numbers, written into the SQL.
     */
    public String responses(String responseIdColumn) {
        if (!limited()) {
            return "1 = 1";
        }
        return "EXISTS (SELECT 1 FROM response_segment ds WHERE ds.response_id = " + responseIdColumn
                + " AND ds.segment_id IN (" + ids() + "))";
    }

    /** The ids as a SQL list. */
    public String ids() {
        return segmentIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
