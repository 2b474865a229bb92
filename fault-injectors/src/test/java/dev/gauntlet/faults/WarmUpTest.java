package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.INPUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warming the fault plane before the clock starts leaves no trace in what the run records. */
class WarmUpTest {

  private static final String FIRST_TURN =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
          + INPUT
          + "\"}]}";

  @TempDir Path dir;

  /** A half-probability outage from t0, a warm-up of {@code rounds} rounds (0: none), then 40 tasks' first calls. */
  private List<LedgerEntry> run(String name, int rounds) {
    Scenario scenario =
        Fixtures.scenario(7, Fixtures.outage("coin", Duration.ZERO, Duration.ofHours(1), 0.5, 503));
    RunDirectory run = RunDirectory.create(dir.resolve(name));
    try (FaultPlane plane =
        FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC())) {
      if (rounds > 0) {
        WarmUpResult warm = plane.warmUp(rounds, Duration.ofSeconds(20));
        assertThat(warm.calls())
            .as("2 providers × 2 items × 2 dialects × whole or streamed, + 1 tool call a round")
            .isEqualTo(17 * rounds);
        assertThat(warm.failed()).isZero();
      }
      plane.startTimeline();
      for (int i = 0; i < 40; i++) {
        Http.post(
            URI.create(plane.providerBaseUrl("primary") + "/chat/completions"),
            FIRST_TURN,
            "t-" + i);
      }
    }
    return JsonLines.readAll(run.ledger(), LedgerEntry.class);
  }

  @Test
  void warmUpCallsAreKeptOutOfTheLedgerAndChangeNoSeededDraw() {
    List<LedgerEntry> cold = run("cold", 0);
    List<LedgerEntry> warm = run("warm", 3);

    assertThat(warm)
        .as("only the tasks' calls")
        .hasSize(40)
        .noneMatch(e -> e.taskId() == null || e.taskId().startsWith("gauntlet-warmup-"));
    assertThat(warm)
        .extracting(LedgerEntry::taskId, LedgerEntry::status, LedgerEntry::fault)
        .as("the same calls hit by the same draws")
        .containsExactlyInAnyOrderElementsOf(
            cold.stream().map(e -> Tuple.tuple(e.taskId(), e.status(), e.fault())).toList());
    assertThat(cold)
        .extracting(LedgerEntry::status)
        .as("the coin fell both ways")
        .contains(200, 503);
  }
}
