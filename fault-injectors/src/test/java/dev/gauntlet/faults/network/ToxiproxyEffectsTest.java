package dev.gauntlet.faults.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Each toxic's effect as a plain socket client sees it, through real loopback connections to a small upstream the
 * test starts. Timings allow for a busy 2-core machine: lower bounds are what was asked, upper bounds generous.
 */
class ToxiproxyEffectsTest {

  private static final long SEED = 20240611L;
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private static ToxiproxyServer server;
  private static ToxiproxyClient client;
  private static Upstream echo;
  private Proxy proxy;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = ToxiproxyServer.start("127.0.0.1", 0, SEED);
    client = new ToxiproxyClient("127.0.0.1", server.port());
    echo = Upstream.echo();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    echo.close();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    for (Proxy p : client.getProxies()) {
      p.delete();
    }
  }

  private Proxy proxyTo(Upstream upstream, TestInfo test) throws IOException {
    proxy =
        client.createProxy(
            test.getTestMethod().orElseThrow().getName(), "127.0.0.1:0", upstream.address());
    return proxy;
  }

  private Socket connect() throws IOException {
    String[] listen = proxy.getListen().split(":");
    Socket socket = new Socket();
    toClose.add(socket);
    socket.connect(new InetSocketAddress(listen[0], Integer.parseInt(listen[1])), 2000);
    socket.setSoTimeout(5000);
    return socket;
  }

  private Upstream started(Upstream upstream) {
    toClose.add(upstream);
    return upstream;
  }

  /** Sends {@code HELLO} and reads it back; answers the round trip in milliseconds. */
  private static long roundTripMillis(Socket socket) throws IOException {
    long start = System.nanoTime();
    socket.getOutputStream().write(HELLO);
    assertThat(socket.getInputStream().readNBytes(HELLO.length)).isEqualTo(HELLO);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static byte[] readToEnd(Socket socket) throws IOException {
    return socket.getInputStream().readAllBytes();
  }

  @Test
  void withoutToxicsDataPassesUntouched(TestInfo test) throws IOException {
    proxyTo(echo, test);
    Socket socket = connect();
    byte[] data = Upstream.pattern(300_000);

    Thread writer =
        new Thread(
            () -> {
              try {
                socket.getOutputStream().write(data);
              } catch (IOException e) {
                // the read below fails too
              }
            });
    writer.start();

    assertThat(socket.getInputStream().readNBytes(data.length)).isEqualTo(data);
  }

  @Test
  void resetPeerSurfacesAsConnectionReset(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().resetPeer("rst", ToxicDirection.DOWNSTREAM, 0);
    Socket socket = connect();

    socket.getOutputStream().write(HELLO);

    assertThatThrownBy(() -> socket.getInputStream().read())
        .isInstanceOf(SocketException.class)
        .hasMessageContaining("Connection reset");
  }

  @Test
  void resetPeerWaitsForItsTimeout(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 300);
    Socket socket = connect();
    long start = System.nanoTime();

    socket.getOutputStream().write(HELLO);

    assertThatThrownBy(() -> socket.getInputStream().read())
        .isInstanceOf(SocketException.class)
        .hasMessageContaining("Connection reset");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(290), Duration.ofMillis(2000));
  }

  @Test
  void latencyAddsWhatWasAsked(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().latency("lag", ToxicDirection.DOWNSTREAM, 150);
    Socket socket = connect();

    List<Long> trips =
        List.of(roundTripMillis(socket), roundTripMillis(socket), roundTripMillis(socket));

    assertThat(trips)
        .as("never less than asked")
        .allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(150));
    assertThat(trips.stream().sorted().toList().get(1))
        .as("median of %s", trips)
        .isLessThanOrEqualTo(200);
  }

  @Test
  void jitterSpreadsTheLatency(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().latency("lag", ToxicDirection.DOWNSTREAM, 60).setJitter(40);
    Socket socket = connect();

    List<Long> trips = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      trips.add(roundTripMillis(socket));
    }

    assertThat(trips).as("60 ms ± 40 ms").allSatisfy(ms -> assertThat(ms).isBetween(19L, 160L));
    assertThat(
            trips.stream().mapToLong(Long::longValue).max().orElseThrow()
                - trips.stream().mapToLong(Long::longValue).min().orElseThrow())
        .as("spread of %s", trips)
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void bandwidthLimitsThroughputToTheRate(TestInfo test) throws IOException {
    proxyTo(started(Upstream.sending(500_000)), test)
        .toxics()
        .bandwidth("narrow", ToxicDirection.DOWNSTREAM, 1000);
    long start = System.nanoTime();
    Socket socket = connect();

    byte[] got = readToEnd(socket);

    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(got).hasSize(500_000);
    assertThat(500.0 / seconds)
        .as("KB/s at 1000 KB/s over %.3f s", seconds)
        .isBetween(800.0, 1200.0);
  }

  @Test
  void slicerDeliversDataInSeveralReads(TestInfo test) throws IOException {
    proxyTo(started(Upstream.sending(1000)), test)
        .toxics()
        .slicer("sliced", ToxicDirection.DOWNSTREAM, 100, 10_000)
        .setSizeVariation(20);
    Socket socket = connect();

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int reads = 0;
    byte[] buffer = new byte[4096];
    InputStream in = socket.getInputStream();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      got.write(buffer, 0, n);
      reads++;
    }

    assertThat(got.toByteArray()).isEqualTo(Upstream.pattern(1000));
    assertThat(reads).as("1000 bytes in ~100-byte slices 10 ms apart").isGreaterThanOrEqualTo(5);
  }

  @Test
  void limitDataClosesAfterExactlyTheBytesAllowed(TestInfo test) throws IOException {
    proxyTo(started(Upstream.sending(10_000)), test)
        .toxics()
        .limitData("capped", ToxicDirection.DOWNSTREAM, 1234);
    Socket socket = connect();

    assertThat(readToEnd(socket)).isEqualTo(Arrays.copyOf(Upstream.pattern(10_000), 1234));
  }

  @Test
  void timeoutStopsDataThenClosesAfterTheTimeout(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().timeout("stalled", ToxicDirection.DOWNSTREAM, 300);
    long start = System.nanoTime();
    Socket socket = connect();

    socket.getOutputStream().write(HELLO);

    assertThat(socket.getInputStream().read()).as("closed without data").isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(290), Duration.ofMillis(2000));
  }

  @Test
  void timeoutZeroHoldsDataUntilTheToxicIsRemoved(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().timeout("stalled", ToxicDirection.DOWNSTREAM, 0);
    Socket socket = connect();
    socket.getOutputStream().write(HELLO);
    socket.setSoTimeout(700);

    assertThatThrownBy(() -> socket.getInputStream().read())
        .as("nothing comes, and the connection stays open")
        .isInstanceOf(SocketTimeoutException.class);

    proxy.toxics().get("stalled").remove();
    socket.setSoTimeout(2000);
    assertThat(socket.getInputStream().readNBytes(HELLO.length))
        .as("what was held goes on")
        .isEqualTo(HELLO);
  }

  @Test
  void slowCloseDelaysTheClose(TestInfo test) throws IOException {
    proxyTo(started(Upstream.sending(100)), test)
        .toxics()
        .slowClose("lingering", ToxicDirection.DOWNSTREAM, 300);
    Socket socket = connect();

    assertThat(socket.getInputStream().readNBytes(100)).hasSize(100);
    long dataAt = System.nanoTime();
    assertThat(socket.getInputStream().read()).isEqualTo(-1);

    assertThat(Duration.ofNanos(System.nanoTime() - dataAt))
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(2000));
  }

  @Test
  void aDisabledProxyRefusesConnectionsAndDropsOpenOnes(TestInfo test) throws IOException {
    proxyTo(echo, test);
    Socket open = connect();
    roundTripMillis(open);

    proxy.disable();

    assertThat(readOrReset(open)).as("the open connection is closed").isEqualTo(-1);
    assertThatThrownBy(this::connect)
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("refused");

    proxy.enable();
    assertThat(roundTripMillis(connect())).as("the same port works again").isLessThan(1000);
  }

  private static int readOrReset(Socket socket) {
    try {
      return socket.getInputStream().read();
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void anUpstreamToxicActsOnWhatTheClientSends(TestInfo test)
      throws IOException, InterruptedException {
    Upstream counting = started(Upstream.counting());
    proxyTo(counting, test).toxics().limitData("capped", ToxicDirection.UPSTREAM, 5);
    Socket socket = connect();

    socket.getOutputStream().write(Upstream.pattern(100));

    assertThat(readOrReset(socket)).isEqualTo(-1);
    assertThat(awaitReceived(counting))
        .as("the upstream got only the first 5 bytes")
        .containsExactly(5L);
  }

  @Test
  void aDownstreamToxicLeavesWhatTheClientSends(TestInfo test)
      throws IOException, InterruptedException {
    Upstream counting = started(Upstream.counting());
    proxyTo(counting, test).toxics().limitData("capped", ToxicDirection.DOWNSTREAM, 5);
    Socket socket = connect();

    socket.getOutputStream().write(Upstream.pattern(100));
    socket.shutdownOutput();

    assertThat(awaitReceived(counting)).as("the upstream got all 100 bytes").containsExactly(100L);
  }

  private static List<Long> awaitReceived(Upstream upstream) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (upstream.received().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return upstream.received();
  }

  @Test
  void aToxicAddedToALiveConnectionActsOnItsNextData(TestInfo test) throws IOException {
    proxyTo(echo, test);
    Socket socket = connect();
    assertThat(roundTripMillis(socket)).isLessThan(100);

    proxy.toxics().latency("late", ToxicDirection.UPSTREAM, 200);
    assertThat(roundTripMillis(socket)).isBetween(200L, 400L);

    proxy.toxics().get("late").remove();
    assertThat(roundTripMillis(socket)).isLessThan(100);
  }

  @Test
  void updatingAToxicChangesALiveConnection(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().latency("late", ToxicDirection.DOWNSTREAM, 200);
    Socket socket = connect();
    assertThat(roundTripMillis(socket)).isGreaterThanOrEqualTo(200);

    proxy.toxics().get("late", Latency.class).setLatency(50);
    assertThat(roundTripMillis(socket)).as("the new latency").isBetween(50L, 190L);

    proxy.toxics().get("late").setToxicity(0f);
    assertThat(roundTripMillis(socket)).as("switched off").isLessThan(50);
  }

  @Test
  void toxicityZeroNeverApplies(TestInfo test) throws IOException {
    proxyTo(echo, test).toxics().limitData("capped", ToxicDirection.DOWNSTREAM, 1).setToxicity(0f);

    for (int i = 0; i < 20; i++) {
      assertThat(echoes(connect())).as("connection %d", i).isTrue();
    }
  }

  @Test
  void toxicityHalfAppliesToAboutHalfTheConnectionsTheSameWayForOneSeed(TestInfo test)
      throws IOException {
    List<Boolean> first = hits(server, test);
    try (ToxiproxyServer again = ToxiproxyServer.start("127.0.0.1", 0, SEED);
        ToxiproxyServer other = ToxiproxyServer.start("127.0.0.1", 0, SEED + 1)) {
      List<Boolean> rerun = hits(again, test);
      List<Boolean> otherSeed = hits(other, test);

      assertThat(first.stream().filter(hit -> hit).count())
          .as("hits in %s", first)
          .isBetween(12L, 28L);
      assertThat(rerun).as("the same seed hits the same connections").isEqualTo(first);
      assertThat(otherSeed).as("another seed hits others").isNotEqualTo(first);
    }
  }

  /** For 40 connections in turn, whether a 1-byte limit_data at toxicity 0.5 cut the echo short. */
  private List<Boolean> hits(ToxiproxyServer on, TestInfo test) throws IOException {
    ToxiproxyClient api = new ToxiproxyClient("127.0.0.1", on.port());
    Proxy halved =
        api.createProxy(
            test.getTestMethod().orElseThrow().getName(), "127.0.0.1:0", echo.address());
    halved.toxics().limitData("capped", ToxicDirection.DOWNSTREAM, 1).setToxicity(0.5f);
    proxy = halved;
    List<Boolean> hits = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      try (Socket socket = connect()) {
        hits.add(!echoes(socket));
      }
    }
    halved.delete();
    return hits;
  }

  private static boolean echoes(Socket socket) throws IOException {
    socket.getOutputStream().write(HELLO);
    return socket.getInputStream().readNBytes(HELLO.length).length == HELLO.length;
  }
}
