package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network:} proxies, {@code target.redis} and {@code kind: network} faults bind, and mistakes are placed. */
class NetworkFaultTest {

  private static final String HEAD =
      """
      name: net
      target: {kind: embedded, redis: managed}
      dataset: customer-support
      workload:
        profile:
          - constant: {rate: 60/min, duration: 40s}
      slos:
        - metric: success_rate
          min: 0.9
      network:
        proxies:
          - {name: redis, upstream: redis}
          - {name: vectors, upstream: 127.0.0.1:6333, listen_port: 16333}
      faults:
        - window: {start: 1s, duration: 5s}
      """;

  @TempDir Path dir;

  private Scenario load(String text) throws IOException {
    Path file = dir.resolve("net.yaml");
    Files.writeString(file, text);
    return ScenarioLoader.load(file);
  }

  private Fault bind(String attributes) throws IOException {
    return load(HEAD + attributes.indent(4)).faults().get(0).fault();
  }

  private List<String> problems(String text) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load(text));
    assertThat(e).as("expected problems for:\n" + text).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void bindsProxiesOnTheEmbeddedServerByDefault() throws IOException {
    Scenario scenario = load(HEAD + "kind: network\nproxy: redis\ntoxic: down".indent(4));

    assertThat(scenario.network().embedded()).isTrue();
    assertThat(scenario.network().proxies())
        .containsExactly(
            new Network.Proxy("redis", "redis", 0),
            new Network.Proxy("vectors", "127.0.0.1:6333", 16333));
    assertThat(scenario.target().redis()).isTrue();
    assertThat(scenario.target().cache()).isFalse();
  }

  @Test
  void anExternalToxiproxyIsGivenByUrl() throws IOException {
    Scenario scenario =
        load(
            HEAD.replace("network:\n", "network:\n  toxiproxy: http://127.0.0.1:8474\n")
                + "kind: network\nproxy: vectors\ntoxic: down".indent(4));

    assertThat(scenario.network().toxiproxy()).isEqualTo(URI.create("http://127.0.0.1:8474"));
    assertThat(scenario.network().embedded()).isFalse();
  }

  @Test
  void toxicAttributesTakeToxiproxysNamesAndUnits() throws IOException {
    assertThat(bind("kind: network\nproxy: redis\ntoxic: latency\nlatency: 1.5s\njitter: 200ms"))
        .isEqualTo(
            new Fault.Network(
                "redis",
                Fault.Network.Toxic.LATENCY,
                Fault.Network.Stream.DOWNSTREAM,
                Map.of("latency", 1500L, "jitter", 200L)));
    assertThat(
            bind(
                "kind: network\nproxy: redis\ntoxic: slicer\nstream: upstream\naverage_size: 64\n"
                    + "size_variation: 16\ndelay: 0.25ms"))
        .as("slicer's delay is in microseconds")
        .isEqualTo(
            new Fault.Network(
                "redis",
                Fault.Network.Toxic.SLICER,
                Fault.Network.Stream.UPSTREAM,
                Map.of("average_size", 64L, "size_variation", 16L, "delay", 250L)));
    assertThat(bind("kind: network\nproxy: redis\ntoxic: bandwidth\nrate: 100"))
        .extracting("attributes")
        .isEqualTo(Map.of("rate", 100L));
    assertThat(bind("kind: network\nproxy: redis\ntoxic: limit_data\nbytes: 1024"))
        .extracting("attributes")
        .isEqualTo(Map.of("bytes", 1024L));
    assertThat(bind("kind: network\nproxy: redis\ntoxic: timeout\ntimeout: 0s"))
        .extracting("attributes")
        .isEqualTo(Map.of("timeout", 0L));
    assertThat(bind("kind: network\nproxy: redis\ntoxic: reset_peer"))
        .extracting("attributes")
        .isEqualTo(Map.of());
    assertThat(bind("kind: network\nproxy: redis\ntoxic: slow_close\ndelay: 2s"))
        .extracting("attributes")
        .isEqualTo(Map.of("delay", 2000L));
  }

  @Test
  void reportsEveryMistakeWhereItIs() {
    assertThat(
            problems(HEAD + "kind: network\nproxy: cache\ntoxic: latency\nlatency: 1s".indent(4)))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("net.yaml:17:12")
                    .contains("faults[0].proxy")
                    .contains(
                        "must name a proxy of network.proxies [redis, vectors], but was 'cache'"));
    assertThat(problems(HEAD + "kind: network\nproxy: redis\ntoxic: latency\nrate: 5".indent(4)))
        .anySatisfy(p -> assertThat(p).contains("faults[0].latency").contains("required"))
        .anySatisfy(p -> assertThat(p).contains("faults[0].rate").contains("is not a known key"));
    assertThat(
            problems(HEAD + "kind: network\nproxy: redis\ntoxic: down\nstream: upstream".indent(4)))
        .anySatisfy(p -> assertThat(p).contains("must be absent for toxic down"));
    assertThat(problems(HEAD + "kind: network\nproxy: redis\ntoxic: flood".indent(4)))
        .anySatisfy(p -> assertThat(p).contains("faults[0].toxic").contains("flood"));
    assertThat(
            problems(
                HEAD + "kind: network\nproxy: redis\ntoxic: down\nprovider: primary".indent(4)))
        .anySatisfy(p -> assertThat(p).contains("must be absent for a network fault"));
    assertThat(
            problems(
                HEAD.replace("upstream: 127.0.0.1:6333", "upstream: localhost")
                    + "kind: network\nproxy: redis\ntoxic: down".indent(4)))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("network.proxies[1].upstream")
                    .contains("must be host:port"));
    assertThat(
            problems(
                HEAD.replace("redis: managed", "mode: naive")
                    + "kind: network\nproxy: redis\ntoxic: down".indent(4)))
        .anySatisfy(p -> assertThat(p).contains("target.redis must be managed"));
  }
}
