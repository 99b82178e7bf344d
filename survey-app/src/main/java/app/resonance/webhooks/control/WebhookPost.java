package app.resonance.webhooks.control;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One webhook POST (HTTP/1.1, a new connection each time) to exactly the address that {@link WebhookTargets}
 * checked: the host name is not looked up again, so a name that answers a public address to the check and a
 * private one a moment later (DNS rebinding) reaches nothing inside. The request still names the host: in
 * {@code Host}, in TLS's server name (SNI), and the receiver's certificate is verified against it. Redirects
 * are answers like any other (never followed).
 */
public final class WebhookPost {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private WebhookPost() {}

    /** The receiver's HTTP status. */
    public static int send(URI url, InetAddress address, Map<String, String> headers, String body, Duration timeout)
            throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        String host = url.getHost();
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            Socket connection = https ? tls(socket, name, port) : socket;
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append("POST ")
                    .append(target(url))
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(host)
                    .append(url.getPort() == -1 ? "" : ":" + url.getPort())
                    .append("\r\n");
            headers.forEach((header, value) ->
                    head.append(header).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(payload.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = connection.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return status(new BufferedInputStream(connection.getInputStream()));
        } finally {
            socket.close();
        }
    }

    /** TLS over the connected socket, for the host name: SNI and certificate check against the name. */
    private static Socket tls(Socket socket, String name, int port) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, name, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    /** Path and query as the URL has them (already encoded), "/" for none. */
    static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The status code of the answer's status line ("HTTP/1.1 204 No Content"). */
    static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (line.size() > 1000) {
                break;
            }
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ");
        if (parts.length < 2 || !parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
            throw new IOException("Not an HTTP answer");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("Not an HTTP status: " + parts[1]);
        }
    }
}
