package dev.gauntlet.faults.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP server for the tests to proxy to: it echoes, sends a set number of bytes and closes, or reads
 * until the end and records how many bytes it got. One thread per connection; closing it closes everything.
 */
final class Upstream implements AutoCloseable {

  @FunctionalInterface
  interface Serve {
    void on(Socket socket, Upstream upstream) throws IOException;
  }

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "test-upstream");
            t.setDaemon(true);
            return t;
          });
  private final List<Long> received = Collections.synchronizedList(new ArrayList<>());

  private Upstream(Serve serve) throws IOException {
    server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    threads.execute(() -> accept(serve));
  }

  /** Sends back whatever it reads, until the client closes. */
  static Upstream echo() throws IOException {
    return new Upstream(
        (socket, upstream) -> socket.getInputStream().transferTo(socket.getOutputStream()));
  }

  /** Sends {@code bytes} bytes (0, 1, 2, … mod 251) at once, then closes. */
  static Upstream sending(int bytes) throws IOException {
    return new Upstream(
        (socket, upstream) -> {
          socket.getOutputStream().write(pattern(bytes));
          socket.close();
        });
  }

  /** Reads until the client's side ends, then records how many bytes came. */
  static Upstream counting() throws IOException {
    return new Upstream(
        (socket, upstream) -> {
          long total = 0;
          try (InputStream in = socket.getInputStream()) {
            for (int n = in.read(new byte[8192]); n >= 0; n = in.read(new byte[8192])) {
              total += n;
            }
          } catch (IOException e) {
            // a reset ends the count too
          }
          upstream.received.add(total);
        });
  }

  static byte[] pattern(int bytes) {
    byte[] data = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      data[i] = (byte) (i % 251);
    }
    return data;
  }

  /** {@code 127.0.0.1:PORT}, as a proxy's upstream. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Bytes received per connection that has ended, in the order they ended. */
  List<Long> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void accept(Serve serve) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(
            () -> {
              try (socket) {
                serve.on(socket, this);
              } catch (IOException e) {
                // the test closed or reset the connection
              }
            });
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
