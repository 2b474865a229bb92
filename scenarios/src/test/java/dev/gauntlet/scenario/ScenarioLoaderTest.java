package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {

  private static final Path CATALOG = Path.of(".");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smoke.yaml",
        "provider-outage.yaml",
        "rate-limit-storm.yaml",
        "steady-5k.yaml",
        "external-agent.yaml",
        "hallucinated-tools.yaml",
        "malformed-output.yaml",
        "runaway-loop.yaml",
        "slow-provider.yaml",
        "gpu-leak.yaml",
        "streaming.yaml"
      })
  void everyCatalogScenarioLoads(String file) {
    Scenario scenario = ScenarioLoader.load(CATALOG.resolve(file));

    assertThat(scenario.name()).isEqualTo(file.replace(".yaml", ""));
    assertThat(scenario.workload().profile()).isNotEmpty();
    assertThat(scenario.slos()).isNotEmpty();
  }

  @Test
  void providerOutageMapsOntoRecords() {
    Scenario s = ScenarioLoader.load(CATALOG.resolve("provider-outage.yaml"));

    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.target())
        .isEqualTo(
            new Target(
                Target.Kind.EMBEDDED,
                "resilient",
                null,
                new Target.Ready("/health", Duration.ofSeconds(60))));
    assertThat(s.providers()).extracting(Provider::name).containsExactly("primary", "fallback");
    assertThat(s.prices().get("gpt-4o-mini")).isEqualTo(new Price(0.15, 0.60));
    assertThat(s.workload().profile()).containsExactly(Stage.constant(600, Duration.ofSeconds(40)));
    assertThat(s.workload().expectedTasks()).isEqualTo(400);
    assertThat(s.faults())
        .containsExactly(
            new FaultSpec(
                "primary-503",
                new Window(Duration.ofSeconds(10), Duration.ofSeconds(12)),
                1.0,
                "primary",
                null,
                new Fault.Outage(503)));
    assertThat(s.slos())
        .contains(
            new SloSpec("recovery_time", SloSpec.Scope.WHOLE, null, 3.0),
            new SloSpec("success_rate", SloSpec.Scope.WHOLE, 0.95, null));
  }

  @Test
  void externalAgentExampleFixesTheFaultPlanePorts() {
    Scenario s = ScenarioLoader.load(CATALOG.resolve("external-agent.yaml"));

    assertThat(s.target().kind()).isEqualTo(Target.Kind.URL);
    assertThat(s.target().url()).hasToString("http://127.0.0.1:8080");
    assertThat(s.faultPlane()).isEqualTo(new FaultPlaneSpec(9010, 9011));
    assertThat(ScenarioLoader.load(CATALOG.resolve("smoke.yaml")).faultPlane())
        .isEqualTo(FaultPlaneSpec.anyPorts());
  }

  @Test
  void brokenExampleReportsEveryProblemWithItsLocation() {
    Path file = CATALOG.resolve("broken-example.yaml");

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file + ":4:7 seed: must be an integer, but was 'forty-two'",
                        file + ":6:9 target.kind: must be one of [embedded, url], but was 'docker'",
                        file
                            + ":14:24 workload.profile[0].constant.rate: "
                            + "must be a rate such as 5000/min or 80/s (at most 1000000/min), but was 'lots'",
                        file
                            + ":15:46 workload.profile[1].ramp.duration: "
                            + "must be a duration such as 500ms, 30s, 2m or 1h, but was 'soon'",
                        file
                            + ":18:15 faults[0].provider: must name a provider of this scenario [primary], but was 'secondary'",
                        file
                            + ":19:13 faults[0].status: must be one of [500, 502, 503, 529], but was 404",
                        file
                            + ":22:18 faults[1].probability: must be a number in [0, 1], but was 1.5",
                        file
                            + ":25:5 faults[1].burst: is not a known key; expected one of "
                            + "[kind, model, name, probability, provider, retry_after, rpm, tpm, window]",
                        file
                            + ":27:13 slos[0].metric: must be one of [accuracy, accuracy.ci_high, accuracy.ci_low, "
                            + "achieved_rate, cost.per_day, cost.per_success, cost.per_task, cost.total, failover_time, "
                            + "goodput, hallucinated_calls, latency.max, latency.p50, latency.p95, latency.p99, "
                            + "leak.detection_time, leak_rate, leak_rate.ci_high, leak_rate.ci_low, pass@k, pass^k, "
                            + "recovery_time, success_rate, time_to_detect, ttft.p50, ttft.p95, ttft.p99], "
                            + "but was 'sucess_rate'",
                        file
                            + ":31:12 slos[1].scope: must be one of [whole, during_faults, outside_faults], "
                            + "but was 'everywhere'"));
  }

  @Test
  void setOverridesAValueAndIsValidatedLikeTheFile() {
    Scenario s =
        ScenarioLoader.load(
            CATALOG.resolve("provider-outage.yaml"),
            List.of(
                "target.mode=naive",
                "faults[0].probability=0.5",
                "workload.profile[0].constant.rate=20/s"));

    assertThat(s.target().mode()).isEqualTo("naive");
    assertThat(s.faults().get(0).probability()).isEqualTo(0.5);
    assertThat(s.workload().profile().get(0).fromPerMinute()).isEqualTo(1200);

    assertThatThrownBy(
            () ->
                ScenarioLoader.load(CATALOG.resolve("smoke.yaml"), List.of("target.mode=careless")))
        .hasMessage(
            "--set target.mode=careless target.mode: must be one of [resilient, naive], but was 'careless'");
    assertThatThrownBy(
            () ->
                ScenarioLoader.load(
                    CATALOG.resolve("smoke.yaml"), List.of("faults[3].probability=1")))
        .hasMessageContaining("must name an existing list item, but there is no item [3]");
  }

  @Test
  void yamlSyntaxErrorsAreLocated(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "name: x\ntarget: [unclosed\n");

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isEqualTo(3);
              assertThat(e.problems().get(0).message()).startsWith("must be valid YAML, but ");
            });
  }

  @Test
  void missingSectionsAreEachReported(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("thin.yaml"), "name: thin\n");

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly("target", "dataset", "workload"));
  }

  @Test
  void rejectsNonFiniteNumbersInvertedBoundsAndUnpricedModelsUnderACostSlo(@TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("odd.yaml"),
            String.join(
                "\n",
                "name: odd",
                "target: {kind: embedded}",
                "dataset: customer-support",
                "providers: [{name: primary, model: gpt-4o}]",
                "workload:",
                "  profile:",
                "    - constant: {rate: 60/min, duration: 10s}",
                "faults:",
                "  - kind: outage",
                "    probability: .NaN",
                "    window: {start: 1s, duration: 5s}",
                "slos:",
                "  - {metric: success_rate, min: 0.9, max: 0.5}",
                "  - {metric: cost.per_task, max: 0.01}",
                ""));

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file
                            + ":1:1 prices: must price every provider model when an SLO is on cost, "
                            + "but [gpt-4o] has no price",
                        file
                            + ":10:18 faults[0].probability: must be a number in [0, 1], but was .NaN",
                        file + ":13:43 slos[0].max: must be at least min (0.9), but was 0.5"));
  }

  @Test
  void rejectsFaultWindowAfterTheWorkloadEnds(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("late.yaml"),
            String.join(
                "\n",
                "name: late",
                "target: {kind: embedded}",
                "dataset: customer-support",
                "workload:",
                "  profile:",
                "    - constant: {rate: 60/min, duration: 10s}",
                "faults:",
                "  - kind: outage",
                "    window: {start: 10s, duration: 5s}",
                ""));

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessage(
            file
                + ":9:21 faults[0].window.start: must be before the workload ends (10s), but was 10s");
  }
}
