package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code latency} fault binds one to one onto its record, and every wrong attribute is reported where it is. */
class LatencyFaultTest {

  private static final String HEAD =
      """
      name: latency
      target: {kind: embedded}
      dataset: customer-support
      providers:
        - name: primary
          model: gpt-4o-mini
      workload:
        profile:
          - constant: {rate: 60/min, duration: 40s}
      slos:
        - metric: success_rate
          min: 0.9
      faults:
        - window: {start: 1s, duration: 5s}
          kind: latency
      """;

  @TempDir Path dir;

  private Fault.Latency bind(String attributes) throws IOException {
    return (Fault.Latency) load(attributes).faults().get(0).fault();
  }

  private Scenario load(String attributes) throws IOException {
    Path file = dir.resolve("latency.yaml");
    Files.writeString(file, HEAD + attributes.indent(4));
    return ScenarioLoader.load(file);
  }

  private List<String> problems(String attributes) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> load(attributes));
    assertThat(e).as("expected problems for:\n" + attributes).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void fixedTtftAloneHasUnlimitedSpeedNoJitterAndNoTail() throws IOException {
    assertThat(bind("ttft: 200ms"))
        .isEqualTo(new Fault.Latency(new Delay.Fixed(Duration.ofMillis(200))));
  }

  @Test
  void everyAttributeBinds() throws IOException {
    Fault.Latency latency =
        bind(
            """
        ttft: {lognormal: {median: 300ms, p99: 2s}}
        tokens_per_second: 40
        jitter: 0.3
        slow_tail: {share: 0.05, factor: 10}
        """);

    assertThat(latency)
        .isEqualTo(
            new Fault.Latency(
                new Delay.LogNormal(Duration.ofMillis(300), Duration.ofSeconds(2)),
                40,
                0.3,
                new Fault.Latency.SlowTail(0.05, 10)));
    assertThat(latency.kind()).isEqualTo("latency");
  }

  @Test
  void uniformTtftBinds() throws IOException {
    assertThat(bind("ttft: {uniform: [100ms, 400ms]}").ttft())
        .isEqualTo(new Delay.Uniform(Duration.ofMillis(100), Duration.ofMillis(400)));
  }

  @Test
  void speedAloneIsEnough() throws IOException {
    assertThat(bind("tokens_per_second: 25"))
        .isEqualTo(new Fault.Latency(Delay.NONE, 25, 0, Fault.Latency.SlowTail.NONE));
  }

  @Test
  void rejectsALatencyThatDelaysNothing() {
    assertThat(problems("jitter: 0.2"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft: must be set, or tokens_per_second must be");
  }

  @Test
  void rejectsMalformedTtftWhereItIs() {
    assertThat(problems("ttft: soon"))
        .singleElement()
        .asString()
        .contains("latency.yaml:16:")
        .endsWith(
            "faults[0].ttft: must be a duration such as 500ms, 30s, 2m or 1h, " + "but was 'soon'");
    assertThat(problems("ttft: {gaussian: {mean: 1s}}"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "faults[0].ttft: must be a duration such as 200ms, {uniform: [100ms, 400ms]} or "
                            + "{lognormal: {median: 300ms, p99: 2s}}, but was a mapping with neither uniform nor lognormal"))
        .anySatisfy(p -> assertThat(p).contains("faults[0].ttft.gaussian: is not a known key"));
    assertThat(problems("ttft: [1s, 2s]"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft: must be a duration such as 200ms")
        .endsWith("but was a list");
    assertThat(problems("ttft: 10m"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft: must be at most 5m, so that a run still ends, but was 10m");
  }

  @Test
  void rejectsUniformBoundsOutOfOrderOrMalformed() {
    assertThat(problems("ttft: {uniform: [400ms, 100ms]}"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft.uniform[1]: must be at least the minimum 400ms, but was 100ms");
    assertThat(problems("ttft: {uniform: [100ms]}"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].ttft.uniform: must be a list of two durations [min, max], but had 1 items");
    assertThat(problems("ttft: {uniform: [100ms, later]}"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].ttft.uniform[1]: must be a duration such as 500ms, 30s, 2m or 1h, but was 'later'");
  }

  @Test
  void rejectsLognormalWithP99NotAboveTheMedianOrUnknownKeys() {
    assertThat(problems("ttft: {lognormal: {median: 2s, p99: 1s}}"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft.lognormal.p99: must be greater than the median 2s, but was 1s");
    assertThat(problems("ttft: {lognormal: {median: 0ms, p99: 1s}}"))
        .singleElement()
        .asString()
        .contains("faults[0].ttft.lognormal.median: must be greater than 0s, but was 0s");
    assertThat(problems("ttft: {lognormal: {median: 1s, p99: 3s, p50: 1s}}"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].ttft.lognormal.p50: is not a known key; expected one of [median, p99]");
  }

  @Test
  void rejectsNonPositiveSpeed() {
    assertThat(problems("tokens_per_second: 0"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].tokens_per_second: must be a number greater than 0 (leave it out for unlimited speed), "
                + "but was 0");
    assertThat(problems("tokens_per_second: -3"))
        .singleElement()
        .asString()
        .contains("faults[0].tokens_per_second: must be a number in [0, 1000000], but was -3");
  }

  @Test
  void rejectsJitterOutsideZeroToOne() {
    assertThat(problems("ttft: 1s\njitter: 1.5"))
        .singleElement()
        .asString()
        .contains("faults[0].jitter: must be a number in [0, 1], but was 1.5");
  }

  @Test
  void rejectsSlowTailWithMissingOrOutOfRangeOrUnknownKeys() {
    assertThat(problems("ttft: 1s\nslow_tail: {share: 0.05}"))
        .singleElement()
        .asString()
        .contains("faults[0].slow_tail.factor: is required, but is missing");
    assertThat(problems("ttft: 1s\nslow_tail: {share: 1.2, factor: 0.5}"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("faults[0].slow_tail.share: must be a number in [0, 1], but was 1.2"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "faults[0].slow_tail.factor: must be a number in [1, 1000], "
                            + "but was 0.5"));
    assertThat(problems("ttft: 1s\nslow_tail: {share: 0.1, factor: 3, every: 5}"))
        .singleElement()
        .asString()
        .contains("faults[0].slow_tail.every: is not a known key");
  }

  @Test
  void unknownAttributesAreReported() {
    assertThat(problems("ttft: 1s\ninter_token: 20ms"))
        .singleElement()
        .asString()
        .contains("faults[0].inter_token: is not a known key; expected one of [")
        .contains("jitter")
        .contains("slow_tail")
        .contains("tokens_per_second")
        .contains("ttft");
  }

  @Test
  void slowProviderScenarioLoads() {
    Scenario scenario = ScenarioLoader.load(Path.of(".").resolve("slow-provider.yaml"));

    assertThat(scenario.faults())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.provider()).isEqualTo("primary");
              assertThat(f.fault()).isInstanceOf(Fault.Latency.class);
              assertThat(((Fault.Latency) f.fault()).slowTail().share()).isPositive();
            });
  }
}
