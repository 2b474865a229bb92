package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gauntlet.faults.network.ToxiproxyServer;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Network;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults from the scenario to a real socket: the plane makes the scenario's proxies on a Toxiproxy (its
 * embedded one, or one given by URL) and switches each fault's toxic on and off through toxiproxy-java.
 */
class NetworkFaultPlaneTest {

  @TempDir Path dir;

  private ServerSocket echo;
  private Thread echoing;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoing =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread t = new Thread(() -> pipe(s));
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    echoing.setDaemon(true);
    echoing.start();
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  private static void pipe(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the client left
    }
  }

  private Scenario scenario(URI toxiproxy, FaultSpec... faults) {
    Network network =
        new Network(
            toxiproxy,
            0,
            List.of(new Network.Proxy("echo", "127.0.0.1:" + echo.getLocalPort(), 0)));
    return new Scenario(
        "net",
        7,
        null,
        "orders",
        List.of(new Provider("primary", "openai", Fixtures.MODEL)),
        Map.of(),
        null,
        List.of(faults),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        network,
        null);
  }

  private static FaultSpec latency(Duration start) {
    return new FaultSpec(
        "slow-echo",
        new Window(start, Duration.ofHours(1)),
        1.0,
        null,
        null,
        new Fault.Network(
            "echo",
            Fault.Network.Toxic.LATENCY,
            Fault.Network.Stream.DOWNSTREAM,
            Map.of("latency", 300L)));
  }

  /** One round trip of a byte through {@code listen}, in milliseconds. */
  private static long roundTrip(String listen) throws IOException {
    String[] hostPort = listen.split(":");
    try (Socket s = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      s.setSoTimeout(5_000);
      long start = System.nanoTime();
      s.getOutputStream().write(42);
      assertThat(s.getInputStream().read()).isEqualTo(42);
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  @Test
  void aLatencyFaultSlowsTheProxyOnlyWhileItIsOn() throws IOException {
    try (FaultPlane plane =
        FaultPlane.start(
            scenario(null, latency(Duration.ZERO)),
            Fixtures.dataset(),
            RunDirectory.create(dir),
            Clock.systemUTC())) {
      String listen = plane.proxies().get("echo");
      assertThat(plane.toxiproxyUrl()).isPresent();
      assertThat(roundTrip(listen)).as("before the timeline starts").isLessThan(250);

      plane.startTimeline();
      assertThat(roundTrip(listen)).as("fault on").isGreaterThanOrEqualTo(300);

      plane.switchOff("slow-echo");
      assertThat(roundTrip(listen)).as("switched off by hand").isLessThan(250);
    }
    assertThat(
            JsonLines.readAll(dir.resolve("timeline.jsonl"), dev.gauntlet.run.TimelineEvent.class))
        .extracting(dev.gauntlet.run.TimelineEvent::action)
        .containsExactly("on", "off");
  }

  @Test
  void downRefusesConnectionsUntilSwitchedOff() throws IOException {
    FaultSpec down =
        new FaultSpec(
            "echo-down",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            1.0,
            null,
            null,
            new Fault.Network(
                "echo", Fault.Network.Toxic.DOWN, Fault.Network.Stream.DOWNSTREAM, Map.of()));
    try (FaultPlane plane =
        FaultPlane.start(
            scenario(null, down),
            Fixtures.dataset(),
            RunDirectory.create(dir),
            Clock.systemUTC())) {
      String listen = plane.proxies().get("echo");
      plane.startTimeline();

      assertThat(catchThrowable(() -> roundTrip(listen))).isInstanceOf(ConnectException.class);

      plane.switchOff("echo-down");
      assertThat(roundTrip(listen)).isLessThan(250);
    }
  }

  @Test
  void anExternalToxiproxyGetsTheSameProxiesAndToxics() throws IOException {
    try (ToxiproxyServer external = ToxiproxyServer.start("127.0.0.1", 0);
        FaultPlane plane =
            FaultPlane.start(
                scenario(external.baseUrl(), latency(Duration.ZERO)),
                Fixtures.dataset(),
                RunDirectory.create(dir),
                Clock.systemUTC())) {
      assertThat(plane.toxiproxyUrl()).contains(external.baseUrl());
      plane.startTimeline();

      assertThat(roundTrip(plane.proxies().get("echo"))).isGreaterThanOrEqualTo(300);
    }
  }

  @Test
  void aSymbolicUpstreamNobodyStartedIsAClearError() {
    Network network =
        new Network(null, 0, List.of(new Network.Proxy("redis", Network.MANAGED_REDIS, 0)));
    Scenario scenario =
        new Scenario(
            "net",
            7,
            null,
            "orders",
            List.of(new Provider("primary", "openai", Fixtures.MODEL)),
            Map.of(),
            null,
            List.of(),
            List.of(),
            Evaluation.defaults(),
            FaultPlaneSpec.anyPorts(),
            network,
            null);

    Throwable e =
        catchThrowable(
            () ->
                FaultPlane.start(
                    scenario, Fixtures.dataset(), RunDirectory.create(dir), Clock.systemUTC()));

    assertThat(e)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("proxy redis forwards to 'redis', which nothing started in this run");
  }
}
