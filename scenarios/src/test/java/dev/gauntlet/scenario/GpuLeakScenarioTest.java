package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.scenario.internal.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-hosted provider's simulated GPU and the gpu_leak fault bind onto their records; mistakes are located. */
class GpuLeakScenarioTest {

  private static final String HEAD =
      """
      name: leak
      target: {kind: embedded}
      dataset: customer-support
      workload:
        profile:
          - constant: {rate: 60/min, duration: 40s}
      slos:
        - metric: success_rate
          min: 0.9
      """;

  private static final String PROVIDERS =
      """
      providers:
        - name: local
          model: llama-3.1-8b-instruct
          self_hosted:
            vram: 80GiB
            baseline: 56GiB
            cold_start: 15s
            slowdown: 3.0
        - name: fallback
          model: gpt-4o-mini
      """;

  @TempDir Path dir;

  private Scenario load(String providers, String fault) throws IOException {
    Path file = dir.resolve("leak.yaml");
    String faults =
        fault == null ? "" : "faults:\n  - window: {start: 1s, duration: 5s}\n" + fault.indent(4);
    Files.writeString(file, HEAD + providers + faults);
    return ScenarioLoader.load(file);
  }

  private List<String> problems(String providers, String fault) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> load(providers, fault));
    assertThat(e).as("expected problems for:\n" + providers + fault).isNotNull();
    return e.problems().stream()
        .map(p -> p.toString().substring(p.file().length() - "leak.yaml".length()))
        .toList();
  }

  @Test
  void selfHostedSizesAreReadInMebibytes() throws IOException {
    Provider local = load(PROVIDERS, null).provider("local").orElseThrow();

    assertThat(local.isSelfHosted()).isTrue();
    assertThat(local.selfHosted())
        .isEqualTo(
            new Provider.SelfHosted(
                81920, 57344, Duration.ofSeconds(15), 3.0, Provider.SelfHosted.DEFAULT_LATENCY));
    assertThat(load(PROVIDERS, null).provider("fallback").orElseThrow().isSelfHosted()).isFalse();
  }

  @Test
  void decimalAndBinaryUnitsDiffer() {
    assertThat(Values.mebibytes("180MB")).isCloseTo(171.661, within(0.001));
    assertThat(Values.mebibytes("512MiB")).isEqualTo(512.0);
    assertThat(Values.mebibytes("80GB")).isCloseTo(76293.945, within(0.001));
    assertThat(Values.mebibytes("1.5GiB")).isEqualTo(1536.0);
    assertThat(Values.mebibytes("180")).as("a size needs its unit").isNull();
    assertThat(Values.mebibytes("180mb")).as("units are case-sensitive: mb is millibits").isNull();
  }

  @Test
  void gpuLeakDefaultsTo180MbPerInferenceAndErrors() throws IOException {
    FaultSpec spec = load(PROVIDERS, "kind: gpu_leak\nprovider: local").faults().get(0);

    assertThat(spec.fault())
        .isEqualTo(new Fault.GpuLeak(180e6 / (1 << 20), Fault.GpuLeak.OnOom.ERRORS));
    assertThat(spec.fault().kind()).isEqualTo("gpu_leak");
    assertThat(spec.provider()).isEqualTo("local");
    assertThat(spec.name()).isEqualTo("gpu_leak-0");
  }

  @Test
  void gpuLeakBindsItsSizeAndCrashMode() throws IOException {
    Fault fault =
        load(PROVIDERS, "kind: gpu_leak\nprovider: local\nper_inference: 1GiB\non_oom: crash")
            .faults()
            .get(0)
            .fault();

    assertThat(fault).isEqualTo(new Fault.GpuLeak(1024, Fault.GpuLeak.OnOom.CRASH));
  }

  @Test
  void slowdownGrowsLinearlyAboveEightyPercent() {
    Provider.SelfHosted gpu =
        new Provider.SelfHosted(1000, 500, Duration.ZERO, 3.0, Duration.ofMillis(100));

    assertThat(gpu.latencyFactor(500)).isEqualTo(1.0);
    assertThat(gpu.latencyFactor(800)).isEqualTo(1.0);
    assertThat(gpu.latencyFactor(900)).isCloseTo(2.0, within(1e-9));
    assertThat(gpu.latencyFactor(1000)).isCloseTo(3.0, within(1e-9));
    assertThat(gpu.latencyFactor(1200)).as("no worse than full").isCloseTo(3.0, within(1e-9));
  }

  @Test
  void gpuLeakMustTargetASelfHostedProvider() {
    assertThat(problems(PROVIDERS, "kind: gpu_leak\nprovider: fallback"))
        .singleElement()
        .asString()
        .contains("leak.yaml:23:15")
        .endsWith(
            "faults[0].provider: must name a provider with self_hosted: [local], but 'fallback' has none");
  }

  @Test
  void gpuLeakNeedsAProviderAndNoModel() {
    assertThat(problems(PROVIDERS, "kind: gpu_leak\nmodel: llama-3.1-8b-instruct"))
        .containsExactly(
            "leak.yaml:21:5 faults[0].provider: is required for a gpu_leak fault, which leaks on one self-hosted "
                + "provider, but is missing",
            "leak.yaml:23:12 faults[0].model: must be absent for a gpu_leak fault, which acts on the whole server, but "
                + "was 'llama-3.1-8b-instruct'");
  }

  @Test
  void reportsWrongLeakAttributesWhereTheyAre() {
    assertThat(
            problems(
                PROVIDERS, "kind: gpu_leak\nprovider: local\nper_inference: lots\non_oom: explode"))
        .containsExactly(
            "leak.yaml:24:20 faults[0].per_inference: must be a positive size such as 180MB, 512MiB, 80GB or 80GiB, "
                + "but was 'lots'",
            "leak.yaml:25:13 faults[0].on_oom: must be one of [errors, crash], but was 'explode'");
  }

  @Test
  void reportsEveryMistakeInTheSelfHostedBlock() {
    String providers =
        """
        providers:
          - name: local
            self_hosted:
              vram: 80GiB
              baseline: 90GiB
              cold_start: 10m
              slowdown: 0.5
              colour: green
        """;

    assertThat(problems(providers, null))
        .containsExactly(
            "leak.yaml:14:17 providers[0].self_hosted.baseline: must be less than vram (81920 MiB), so that something is "
                + "left to leak, but was 92160 MiB",
            "leak.yaml:15:19 providers[0].self_hosted.cold_start: must be at most 5m, so that a run still ends, but "
                + "was 10m",
            "leak.yaml:16:17 providers[0].self_hosted.slowdown: must be a number in [1, 100], but was 0.5",
            "leak.yaml:17:7 providers[0].self_hosted.colour: is not a known key; expected one of [baseline, cold_start, "
                + "latency, slowdown, vram]");
  }

  @Test
  void selfHostedNeedsItsSizesAndTheScriptedOpenAiServer() {
    String providers =
        """
        providers:
          - name: local
            api: anthropic
            self_hosted: {cold_start: 5s}
        """;

    assertThat(problems(providers, null))
        .containsExactly(
            "leak.yaml:13:18 providers[0].self_hosted.vram: is required, but is missing",
            "leak.yaml:13:18 providers[0].self_hosted.baseline: is required, but is missing",
            "leak.yaml:13:18 providers[0].self_hosted: must only be set when api is openai (the simulated server speaks "
                + "the OpenAI API, as vLLM does), but api is anthropic");
  }
}
