package dev.icon.overlay.kad;

import dev.icon.overlay.multiaddr.Multiaddr;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP listener on 127.0.0.1 (port 0) that accepts connections and never sends a byte: a dial to
 * it connects and then waits for a handshake until its timeout. Counts the connections it took.
 * Thread-safe; one daemon acceptor thread; {@link #close()} closes the listener and every socket.
 */
final class BlackHoleListener implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  BlackHoleListener() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          accepted.add(server.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, "black-hole-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Its address, {@code /ip4/127.0.0.1/tcp/<port>}. */
  Multiaddr address() {
    return Multiaddr.parse("/ip4/127.0.0.1/tcp/" + server.getLocalPort());
  }

  /** Connections accepted so far. */
  int connections() {
    return accepted.size();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
