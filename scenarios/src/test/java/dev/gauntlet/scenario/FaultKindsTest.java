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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LLM fault kinds bind one to one onto their records, and every wrong attribute is reported where it is. */
class FaultKindsTest {

  private static final String HEAD =
      """
      name: kinds
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
      """;

  @TempDir Path dir;

  private Fault bind(String attributes) throws IOException {
    return load(attributes).faults().get(0).fault();
  }

  private Scenario load(String attributes) throws IOException {
    Path file = dir.resolve("kinds.yaml");
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
  void outageDefaultsToStatus503() throws IOException {
    assertThat(bind("kind: outage")).isEqualTo(new Fault.Outage(503));
  }

  @Test
  void outageModesBind() throws IOException {
    assertThat(bind("kind: outage\nmode: reset"))
        .isEqualTo(new Fault.Outage(503, Fault.Outage.Mode.RESET, Fault.Outage.DEFAULT_HANG));
    assertThat(bind("kind: outage\nmode: empty"))
        .isEqualTo(new Fault.Outage(503, Fault.Outage.Mode.EMPTY, Fault.Outage.DEFAULT_HANG));
    assertThat(bind("kind: outage\nmode: hang\nhang_for: 20s\nstatus: 502"))
        .isEqualTo(new Fault.Outage(502, Fault.Outage.Mode.HANG, Duration.ofSeconds(20)));
  }

  @Test
  void rejectsUnknownOutageMode() {
    assertThat(problems("kind: outage\nmode: explode"))
        .singleElement()
        .asString()
        .endsWith("faults[0].mode: must be one of [status, reset, empty, hang], but was 'explode'")
        .contains("kinds.yaml:16:");
  }

  @Test
  void rejectsHangForBeyondTheCapOrWithoutHangMode() {
    assertThat(problems("kind: outage\nmode: hang\nhang_for: 10m"))
        .singleElement()
        .asString()
        .contains("faults[0].hang_for: must be in (0s, 5m], so that a run still ends, but was 10m");
    assertThat(problems("kind: outage\nhang_for: 10s"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].hang_for: must be absent unless mode is hang, but was 10s with mode status");
  }

  @Test
  void rateLimitWithoutQuotaIsAShareOfCalls() throws IOException {
    Fault.RateLimit limit = (Fault.RateLimit) bind("kind: rate_limit\nretry_after: 2s");
    assertThat(limit).isEqualTo(new Fault.RateLimit(Duration.ofSeconds(2)));
    assertThat(limit.isQuota()).isFalse();
  }

  @Test
  void rateLimitQuotaBinds() throws IOException {
    Fault.RateLimit limit = (Fault.RateLimit) bind("kind: rate_limit\nrpm: 500\ntpm: 90000");
    assertThat(limit.rpm()).isEqualTo(500);
    assertThat(limit.tpm()).isEqualTo(90_000);
    assertThat(limit.isQuota()).isTrue();
  }

  @Test
  void rejectsQuotaWithProbabilityOrRetryAfterOrNonPositiveLimits() {
    assertThat(problems("kind: rate_limit\nrpm: 10\nprobability: 0.5"))
        .singleElement()
        .asString()
        .contains("faults[0].probability: must be 1 (or absent) for a rate_limit with rpm or tpm");
    assertThat(problems("kind: rate_limit\ntpm: 10\nretry_after: 1s"))
        .singleElement()
        .asString()
        .contains("faults[0].retry_after: must be absent when rpm or tpm is set");
    assertThat(problems("kind: rate_limit\nrpm: 0"))
        .singleElement()
        .asString()
        .contains("faults[0].rpm: must be an integer in [1, 100000000], but was 0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown_tool",
        "renamed_tool",
        "missing_argument",
        "wrong_type",
        "extra_argument",
        "spurious_call"
      })
  void everyHallucinatedToolVariantBinds(String variant) throws IOException {
    Fault.HallucinatedTool fault =
        (Fault.HallucinatedTool) bind("kind: hallucinated_tool\nvariant: " + variant);
    assertThat(fault.variant().label()).isEqualTo(variant);
    assertThat(fault.kind()).isEqualTo("hallucinated_tool");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_json_arguments",
        "invalid_json_content",
        "truncated_stream",
        "finish_length",
        "malformed_sse",
        "refusal",
        "content_filter"
      })
  void everyMalformedOutputVariantBinds(String variant) throws IOException {
    Fault.MalformedOutput fault =
        (Fault.MalformedOutput) bind("kind: malformed_output\nvariant: " + variant);
    assertThat(fault.variant().label()).isEqualTo(variant);
  }

  @Test
  void variantIsRequired() {
    assertThat(problems("kind: hallucinated_tool"))
        .singleElement()
        .asString()
        .contains("faults[0].variant: is required, but is missing");
    assertThat(problems("kind: malformed_output\nvariant: garbled"))
        .singleElement()
        .asString()
        .contains(
            "faults[0].variant: must be one of [invalid_json_arguments, invalid_json_content, "
                + "truncated_stream, finish_length, malformed_sse, refusal, content_filter], but was 'garbled'");
  }

  @Test
  void runawayLoopHasNoAttributes() throws IOException {
    assertThat(bind("kind: runaway_loop\nprobability: 0.2")).isEqualTo(new Fault.RunawayLoop());
    assertThat(problems("kind: runaway_loop\nvariant: fast"))
        .singleElement()
        .asString()
        .contains("faults[0].variant: is not a known key");
  }

  @Test
  void unsafeActionHasNoAttributesAndReportsStrayOnesWhereTheyAre() throws IOException {
    assertThat(bind("kind: unsafe_action\nprobability: 0.5")).isEqualTo(new Fault.UnsafeAction());
    assertThat(bind("kind: unsafe_action").kind()).isEqualTo("unsafe_action");
    assertThat(problems("kind: unsafe_action\nvariant: complies"))
        .singleElement()
        .asString()
        .as("the stray key is named with its file and line")
        .contains("kinds.yaml:16:5 ")
        .contains("faults[0].variant: is not a known key");
  }

  @Test
  void attributesOfAnotherKindAreUnknownKeys() {
    assertThat(problems("kind: outage\nvariant: refusal"))
        .singleElement()
        .asString()
        .contains("faults[0].variant: is not a known key; expected one of [")
        .contains("hang_for")
        .contains("mode")
        .contains("status");
    assertThat(problems("kind: malformed_output\nvariant: refusal\nrpm: 3"))
        .singleElement()
        .asString()
        .contains("faults[0].rpm: is not a known key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hallucinated-tools.yaml", "malformed-output.yaml", "runaway-loop.yaml"})
  void faultCatalogScenariosLoad(String file) {
    Scenario scenario = ScenarioLoader.load(Path.of(".").resolve(file));

    assertThat(scenario.faults())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.provider()).isEqualTo("primary"));
    assertThat(scenario.slos()).isNotEmpty();
  }

  @Test
  void unknownKindListsTheKinds() {
    assertThat(problems("kind: gremlins"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "faults[0].kind: must be one of [gpu_leak, hallucinated_tool, latency, malformed_output, network, outage, "
                            + "rate_limit, runaway_loop, unsafe_action], but was 'gremlins'"));
  }
}
