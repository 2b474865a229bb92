package dev.gauntlet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault kind from outside Gauntlet ({@link TeapotFault}, registered through the SPI by this module's test
 * resources) is read, checked and run like a built-in one.
 */
class CustomFaultKindTest {

  private static final Path SMOKE =
      Path.of(System.getProperty("gauntlet.home", ".."), "scenarios", "smoke.yaml");

  @TempDir Path dir;

  /** Smoke with {@code fault} (lines of one entry of faults:, indented by four) appended. */
  private Path smokeWith(String fault) throws IOException {
    String smoke = Files.readString(SMOKE);
    String text =
        smoke.replaceFirst("(?m)^slos:\\n", "faults:\n  - kind: teapot\n" + fault + "slos:\n");
    Path file = dir.resolve("teapot.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aCustomKindIsReadThroughItsOwnReader() throws IOException {
    Path file =
        smokeWith(
            "    provider: primary\n    status: 503\n    window: {start: 0s, duration: 10s}\n");

    Fault fault = ScenarioLoader.load(file).faults().get(0).fault();

    assertThat(fault).isEqualTo(new Fault.Custom("teapot", Map.of("status", 503L)));
    assertThat(fault.kind()).isEqualTo("teapot");
  }

  @Test
  void itsMistakesAreReportedWithFileLineAndColumnAsABuiltInKindsAre() throws IOException {
    Path file =
        smokeWith(
            "    status: lots\n    message: "
                + "x".repeat(201)
                + "\n    colour: blue\n    window: {start: 0s, duration: 10s}\n");

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "teapot.yaml:25:13 faults[0].status: must be an integer, but was 'lots'")
        .hasMessageContaining(
            "teapot.yaml:26:14 faults[0].message: must be at most 200 characters long")
        .hasMessageContaining("teapot.yaml:27:5 faults[0].colour: is not a known key");
  }

  @Test
  void theListOfKindsNamesTheCustomOnesToo() throws IOException {
    Path file = smokeWith("    window: {start: 0s, duration: 10s}\n").resolveSibling("typo.yaml");
    Files.writeString(
        file,
        Files.readString(dir.resolve("teapot.yaml")).replace("kind: teapot", "kind: teapotz"));

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining("faults[0].kind: must be one of [")
        .hasMessageContaining("outage, rate_limit, runaway_loop, teapot, unsafe_action]");
  }

  @Test
  void aRunSwitchesItOnAndOffAndTheProviderAnswersWhatItsInjectorSays() throws IOException {
    Path file =
        smokeWith(
            "    provider: primary\n    status: 418\n    window: {start: 1s, duration: 3s}\n");
    Path out = dir.resolve("run");

    RunResult result =
        Gauntlet.run(
            file,
            RunOptions.defaults()
                .out(out)
                .set("workload.profile[0].constant.duration=6s", "workload.warmup=1s"));

    assertThat(result.verdict()).as(String.valueOf(result.failure())).isNotNull();
    List<TimelineEvent> timeline =
        JsonLines.readAll(out.resolve("timeline.jsonl"), TimelineEvent.class);
    assertThat(timeline)
        .extracting(TimelineEvent::kind, TimelineEvent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("teapot", TimelineEvent.ON),
            org.assertj.core.groups.Tuple.tuple("teapot", TimelineEvent.OFF));
    List<LedgerEntry> teapots =
        JsonLines.readAll(out.resolve("ledger.jsonl"), LedgerEntry.class).stream()
            .filter(e -> e.status() == 418)
            .toList();
    assertThat(teapots).as("the primary's calls in the window").hasSizeGreaterThan(10);
    assertThat(teapots).allSatisfy(e -> assertThat(e.provider()).isEqualTo("primary"));
    assertThat(teapots).allSatisfy(e -> assertThat(e.fault()).isEqualTo("teapot-0"));
  }
}
