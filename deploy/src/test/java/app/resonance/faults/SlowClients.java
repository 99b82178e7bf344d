package app.resonance.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that declare a body and never finish sending it (Content-Length: 100, 21 bytes sent, the
 * connection kept open), as a slow-body attack does. Each remembers the status line it was answered with.
 */
final class SlowClients implements AutoCloseable {

    static final int DECLARED = 100;
    static final String SENT = "{\"answers\": {\"csat\": ";

    private final List<Socket> sockets = new ArrayList<>();

    /** Opens the connections and sends each one's headers and the first 21 bytes of its body. */
    static SlowClients open(int port, String path, int count) throws IOException {
        var clients = new SlowClients();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            clients.sockets.add(socket);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(1000);
            String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + DECLARED + "\r\n\r\n" + SENT;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        return clients;
    }

    int count() {
        return sockets.size();
    }

    /**
     * The status of the answer on each connection, waiting until the deadline at most: -1 where the server
     * closed the connection without an answer, 0 where nothing came in time.
     */
    List<Integer> statuses(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Integer> statuses = new ArrayList<>();
        for (Socket socket : sockets) {
            statuses.add(status(socket, deadline));
        }
        return statuses;
    }

    private static int status(Socket socket, long deadline) {
        StringBuilder line = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        return 0;
                    }
                    continue;
                }
                if (b < 0) {
                    return line.length() >= 12 ? parse(line) : -1;
                }
                if (b == '\n' || line.length() > 200) {
                    return parse(line);
                }
                line.append((char) b);
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static int parse(CharSequence statusLine) {
        String[] parts = statusLine.toString().split(" ");
        return parts.length > 1 && parts[1].matches("[0-9]{3}") ? Integer.parseInt(parts[1]) : -1;
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
