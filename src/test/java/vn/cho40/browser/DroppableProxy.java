package vn.cho40.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the browser and the server whose connections a test can cut, like a phone losing its
 * mobile data: open streams break and new ones fail until {@link #restore()}.
 */
final class DroppableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final java.util.Set<Socket> silenced = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Socket> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DroppableProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void drop() {
        down = true;
        open.forEach(DroppableProxy::quietlyClose);
        open.clear();
    }

    void restore() {
        down = false;
    }

    /**
     * The event streams open now stop carrying bytes but stay open, as when a mobile network forgets a connection
     * without telling either end; other and new connections work.
     */
    void silenceStreams() {
        silenced.addAll(streams);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    quietlyClose(client);
                    continue;
                }
                Socket server = new Socket("127.0.0.1", target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                // closed, or one connection failed: keep serving the others
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("text/event-stream")) {
                    streams.add(from);
                    streams.add(to);
                }
                if (!silenced.contains(from) && !silenced.contains(to)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        drop();
        listener.close();
    }
}
