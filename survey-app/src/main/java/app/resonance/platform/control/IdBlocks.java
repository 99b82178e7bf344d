package app.resonance.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids for many rows of bulk work: from each table's sequence fifty at a time, exactly as EclipseLink takes them
 * (value-49 .. value), so that they never collide with ids JPA hands out.
 */
public final class IdBlocks {

    private final Connection connection;
    /** Per sequence: the next id and how many of the block are left. */
    private final Map<String, long[]> blocks = new HashMap<>();

    public IdBlocks(Connection connection) {
        this.connection = connection;
    }

    /** The next id of the sequence's current block, taking a new block when it is used up. */
    public long next(String sequence) throws SQLException {
        long[] block = blocks.computeIfAbsent(sequence, s -> new long[2]);
        if (block[1] == 0) {
            block[0] = Jdbc.nextval(connection, sequence) - 49;
            block[1] = 50;
        }
        block[1]--;
        return block[0]++;
    }
}
