import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ingest baseline in the words of the issue: plain JDBC, one single-row INSERT with a commit each, from
 * a Java client with as many connections as the load generator uses, into the table bench_baseline that
 * ingest.sh creates. Prints one line like wrk's RESULT line of submit.lua.
 *
 * <p>Usage: {@code java -cp postgresql.jar JdbcInsertBaseline.java JDBC_URL SECONDS CONNECTIONS}
 */
public class JdbcInsertBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int client = t;
            long[] own = new long[4_000_000];
            latencies.add(own);
            Thread thread = new Thread(() -> run(url, client, own, counts, measuring, running));
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(3_000); // warm-up: connections, JIT
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(
                "RESULT requests=%d seconds=%.1f rate=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=0%n",
                total, elapsed, total / elapsed, pct(all, 50), pct(all, 95), pct(all, 99));
    }

    private static void run(
            String url, int client, long[] own, int[] counts, AtomicBoolean measuring, AtomicBoolean running) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO bench_baseline"
                        + " (survey_id, score, idem_key, submitted_at) VALUES (1, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int n = 0;
            while (running.get()) {
                long t0 = System.nanoTime();
                insert.setInt(1, n % 11);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
                c.commit();
                n++;
                if (measuring.get() && counts[client] < own.length) {
                    own[counts[client]++] = System.nanoTime() - t0;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
