package dev.gauntlet.faults.network;

import dev.gauntlet.faults.network.internal.Transport;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: round-trip latency of small messages and bulk throughput through (a) a direct loopback
 * connection, (b) socat, (c) the embedded Toxiproxy-compatible proxy with no toxics, measured in one run and
 * interleaved round by round so that drift hits all three alike. {@code bench/network-proxy.sh} builds and runs it.
 *
 * <p>Arguments: {@code [socat-binary] [rounds]}. Every loop is bounded by a count and by a deadline.
 */
public final class ToxiproxyBenchmark {

  private static final int MESSAGE = 64;
  private static final int WARM_TRIPS = 20_000;
  private static final int TRIPS = 50_000;
  private static final long TRIP_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(8);
  private static final long BULK_BYTES = 4L << 30;
  private static final long BULK_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(8);
  private static final int BUFFER = 1 << 20;

  private ToxiproxyBenchmark() {}

  /** A way to reach the echo server and the bulk source: their two ports. */
  private record Route(String name, int echo, int bulk) {}

  public static void main(String[] args) throws Exception {
    String socat = args.length > 0 ? args[0] : "socat";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Process> socats = new ArrayList<>();
    try (BenchUpstream echo = BenchUpstream.echo();
        BenchUpstream bulk = BenchUpstream.bulk();
        ToxiproxyServer toxiproxy = ToxiproxyServer.start("127.0.0.1", 0)) {
      ToxiproxyClient api = new ToxiproxyClient("127.0.0.1", toxiproxy.port());
      List<Route> routes =
          List.of(
              new Route("direct", echo.port(), bulk.port()),
              new Route(
                  "socat", socat(socat, echo.port(), socats), socat(socat, bulk.port(), socats)),
              new Route(
                  "gauntlet",
                  port(
                      api.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + echo.port())
                          .getListen()),
                  port(
                      api.createProxy("bulk", "127.0.0.1:0", "127.0.0.1:" + bulk.port())
                          .getListen())));
      System.out.printf(
          "transport %s, %d cores, %d rounds%n",
          Transport.choose(System.getProperty("gauntlet.toxiproxy.transport", "auto")).name(),
          Runtime.getRuntime().availableProcessors(),
          rounds);
      Map<String, List<long[]>> trips = new LinkedHashMap<>();
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      for (Route route : routes) {
        roundTrips(route.echo(), WARM_TRIPS);
        throughput(route.bulk(), 1L << 30);
      }
      for (int round = 0; round < rounds; round++) {
        for (Route route : routes) {
          trips
              .computeIfAbsent(route.name(), k -> new ArrayList<>())
              .add(roundTrips(route.echo(), TRIPS));
          rates
              .computeIfAbsent(route.name(), k -> new ArrayList<>())
              .add(throughput(route.bulk(), BULK_BYTES));
        }
      }
      report(trips, rates);
    } finally {
      socats.forEach(Process::destroy);
    }
  }

  private static void report(Map<String, List<long[]>> trips, Map<String, List<Double>> rates) {
    System.out.printf("%-10s %12s %12s %14s%n", "route", "p50 µs", "p99 µs", "GB/s (median)");
    Map<String, double[]> summary = new LinkedHashMap<>();
    trips.forEach(
        (name, runs) -> {
          long[] all = runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
          double p50 = all[all.length / 2] / 1e3;
          double p99 = all[(int) (all.length * 0.99)] / 1e3;
          double gbps = rates.get(name).stream().sorted().toList().get(rates.get(name).size() / 2);
          summary.put(name, new double[] {p50, p99, gbps});
          System.out.printf(
              "%-10s %12.1f %12.1f %14.2f   runs %s%n",
              name,
              p50,
              p99,
              gbps,
              rates.get(name).stream().map(r -> String.format("%.2f", r)).toList());
        });
    double[] direct = summary.get("direct");
    for (String proxy : List.of("socat", "gauntlet")) {
      double[] s = summary.get(proxy);
      System.out.printf(
          "%-10s added p50 %.1f µs, added p99 %.1f µs%n",
          proxy, s[0] - direct[0], s[1] - direct[1]);
    }
    double[] g = summary.get("gauntlet");
    System.out.printf(
        "goal: added p50 <= 100 µs: %s;  throughput >= 1 GB/s: %s%n",
        g[0] - direct[0] <= 100 ? "met" : "NOT met", g[2] >= 1.0 ? "met" : "NOT met");
  }

  /** Round-trip times in nanoseconds of {@code count} 64-byte messages, or as many as fit the time budget. */
  private static long[] roundTrips(int port, int count) throws IOException {
    try (SocketChannel channel = open(port)) {
      ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
      ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE);
      long[] nanos = new long[count];
      long deadline = System.nanoTime() + TRIP_BUDGET_NANOS;
      int done = 0;
      for (; done < count && System.nanoTime() < deadline; done++) {
        long start = System.nanoTime();
        out.clear();
        while (out.hasRemaining()) {
          channel.write(out);
        }
        in.clear();
        while (in.hasRemaining()) {
          if (channel.read(in) < 0) {
            throw new IOException("echo closed after " + done + " trips");
          }
        }
        nanos[done] = System.nanoTime() - start;
      }
      return Arrays.copyOf(nanos, done);
    }
  }

  /** GB/s (10^9 bytes) of one download of {@code bytes} bytes, cut short by the time budget. */
  private static double throughput(int port, long bytes) throws IOException {
    try (SocketChannel channel = open(port)) {
      channel.write(ByteBuffer.allocate(8).putLong(0, bytes));
      ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
      long start = System.nanoTime();
      long deadline = start + BULK_BUDGET_NANOS;
      long got = 0;
      while (got < bytes && System.nanoTime() < deadline) {
        in.clear();
        int n = channel.read(in);
        if (n < 0) {
          break;
        }
        got += n;
      }
      return got / ((System.nanoTime() - start) / 1e9) / 1e9;
    }
  }

  private static SocketChannel open(int port) throws IOException {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    return channel;
  }

  private static int socat(String binary, int target, List<Process> started)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocketChannel probe =
        ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
      port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
    }
    // -b: socat's copy buffer; 128 KiB rather than its 8 KiB default, so that it is no straw man
    started.add(
        new ProcessBuilder(
                binary,
                "-b",
                "131072",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "TCP:127.0.0.1:" + target + ",nodelay")
            .inheritIO()
            .start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (SocketChannel ignored = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
        return port;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException(
        "socat did not listen on 127.0.0.1:" + port + " within 10 s; is " + binary + " installed?");
  }

  private static int port(String listen) {
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  /** Loopback servers for the benchmark: an echo, and a source that sends as many bytes as a client asks for. */
  private static final class BenchUpstream implements AutoCloseable {

    @FunctionalInterface
    private interface Serve {
      void on(SocketChannel channel) throws IOException;
    }

    private final ServerSocketChannel server;

    private BenchUpstream(Serve serve) throws IOException {
      server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      Thread acceptor =
          new Thread(
              () -> {
                while (server.isOpen()) {
                  try {
                    SocketChannel channel = server.accept();
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Thread worker =
                        new Thread(
                            () -> {
                              try (channel) {
                                serve.on(channel);
                              } catch (IOException e) {
                                // the client went away
                              }
                            },
                            "bench-upstream");
                    worker.setDaemon(true);
                    worker.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "bench-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    static BenchUpstream echo() throws IOException {
      return new BenchUpstream(
          channel -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            while (channel.read(buffer) >= 0) {
              buffer.flip();
              while (buffer.hasRemaining()) {
                channel.write(buffer);
              }
              buffer.clear();
            }
          });
    }

    static BenchUpstream bulk() throws IOException {
      return new BenchUpstream(
          channel -> {
            ByteBuffer ask = ByteBuffer.allocate(8);
            while (ask.hasRemaining() && channel.read(ask) >= 0) {
              // read the 8-byte count
            }
            long left = ask.getLong(0);
            ByteBuffer block = ByteBuffer.allocateDirect(BUFFER);
            while (left > 0) {
              block.clear().limit((int) Math.min(BUFFER, left));
              left -= channel.write(block);
            }
          });
    }

    int port() throws IOException {
      return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
