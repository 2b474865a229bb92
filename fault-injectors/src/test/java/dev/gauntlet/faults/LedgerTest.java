package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.PriceHint;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskCorrelation;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

  @TempDir Path dir;

  private static final String FIRST_TURN =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
          + INPUT
          + "\"}]}";

  @Test
  void everyLlmAndToolCallIsWrittenWithTokensCostAndTask() {
    RunDirectory run = RunDirectory.create(dir);
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, clock)) {
      Http.post(
          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"), FIRST_TURN, "task-9");
      Http.post(
          URI.create(plane.toolsBaseUrl() + "/tools/get_order"), "{\"order_id\":\"42\"}", "task-9");
    }
    List<LedgerEntry> ledger = JsonLines.readAll(run.ledger(), LedgerEntry.class);

    assertThat(ledger).extracting(LedgerEntry::kind).containsExactlyInAnyOrder("llm", "tool");
    LedgerEntry llm = ledger.stream().filter(e -> e.kind().equals("llm")).findFirst().orElseThrow();
    assertThat(llm.tsMs()).isEqualTo(clock.millis());
    assertThat(llm.provider()).isEqualTo("primary");
    assertThat(llm.model()).isEqualTo("gpt-4o-mini");
    assertThat(llm.taskId()).isEqualTo("task-9");
    assertThat(llm.itemId()).isEqualTo("o-1");
    assertThat(llm.status()).isEqualTo(200);
    assertThat(llm.inputTokens()).isPositive();
    assertThat(llm.outputTokens()).isPositive();
    assertThat(llm.costUsd())
        .isCloseTo(PRICE.cost(llm.inputTokens(), llm.outputTokens()), within(1e-12));
    assertThat(llm.fault()).isNull();
    assertThat(llm.firstByteMs()).isLessThanOrEqualTo(llm.lastByteMs());
    assertThat(llm.pacedFirstMs()).as("nothing slowed the call: due at once").isZero();
    assertThat(llm.pacedLastMs()).isZero();
    assertThat(llm.queuedMs())
        .as("the wait from arrival until the mock stamped the call")
        .isNotNull()
        .isBetween(0L, llm.lastByteMs());
    assertThat(llm.arrivedMs()).isEqualTo(llm.tsMs() - llm.queuedMs());
    if (llm.lastByteMs() > 0) {
      assertThat(llm.lateMs()).hasValue(llm.lastByteMs());
    } else { // answered within its first millisecond: at the ledger's resolution that reads as
      // nothing sent
      assertThat(llm.lateMs()).isEmpty();
    }
    LedgerEntry tool =
        ledger.stream().filter(e -> e.kind().equals("tool")).findFirst().orElseThrow();
    assertThat(tool.tool()).isEqualTo("get_order");
    assertThat(tool.itemId()).isEqualTo("o-1");
    assertThat(tool.status()).isEqualTo(200);
    assertThat(tool.hallucinated()).isFalse();
  }

  @Test
  void callsOfAnAgentThatPropagatesOnlyTraceContextAreJoinedToTheirTask() {
    RunDirectory run = RunDirectory.create(dir);
    String traceparent = TaskCorrelation.traceparent("t-0000042").orElseThrow();
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, Clock.systemUTC())) {
      Http.postTraced(
          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"),
          FIRST_TURN,
          traceparent);
      Http.postTraced(
          URI.create(plane.toolsBaseUrl() + "/tools/get_order"),
          "{\"order_id\":\"42\"}",
          traceparent);
      Http.postTraced(
          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"),
          FIRST_TURN,
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }
    List<LedgerEntry> ledger = JsonLines.readAll(run.ledger(), LedgerEntry.class);

    assertThat(ledger)
        .filteredOn(e -> "t-0000042".equals(e.taskId()))
        .extracting(LedgerEntry::kind)
        .containsExactlyInAnyOrder("llm", "tool");
    assertThat(ledger)
        .as("a trace Gauntlet did not start names no task")
        .filteredOn(e -> e.taskId() == null)
        .hasSize(1);
  }

  @Test
  void faultedCallsNameTheFaultAndCostNothing() {
    Scenario scenario =
        Fixtures.scenario(1, Fixtures.outage("down", Duration.ZERO, Duration.ofHours(1), 1.0, 500));
    RunDirectory run = RunDirectory.create(dir);
    try (FaultPlane plane =
        FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC())) {
      plane.startTimeline();
      URI chat = URI.create(plane.providerBaseUrl("primary") + "/chat/completions");
      Http.post(chat, FIRST_TURN, "t");
      Http.post(chat, FIRST_TURN, "t");
    }

    assertThat(JsonLines.readAll(run.ledger(), LedgerEntry.class))
        .extracting(
            LedgerEntry::callIndex, LedgerEntry::status, LedgerEntry::fault, LedgerEntry::costUsd)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0, 500, "down", 0.0),
            org.assertj.core.groups.Tuple.tuple(1, 500, "down", 0.0));
  }

  @Test
  void modelWithoutAPriceCostsNothing() {
    RunDirectory run = RunDirectory.create(dir);
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, Clock.systemUTC())) {
      Http.post(
          URI.create(plane.providerBaseUrl("backup") + "/chat/completions"),
          FIRST_TURN.replace("gpt-4o-mini", "gpt-4o"),
          null);
    }

    assertThat(JsonLines.readAll(run.ledger(), LedgerEntry.class))
        .singleElement()
        .satisfies(e -> assertThat(e.costUsd()).isZero())
        .satisfies(e -> assertThat(e.inputTokens()).isPositive());
  }

  @Test
  void aModelTheScenarioDoesNotPriceCostsTheDatasetsPriceHint() {
    Dataset base = Fixtures.dataset();
    PriceHint hint = new PriceHint(2.5, 10);
    Dataset hinted =
        new Dataset(
            base.name(),
            base.version(),
            base.owner(),
            base.tools(),
            base.items(),
            null,
            Map.of("gpt-4o", hint, Fixtures.MODEL, new PriceHint(99, 99)));
    RunDirectory run = RunDirectory.create(dir);
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), hinted, run, Clock.systemUTC())) {
      Http.post(
          URI.create(plane.providerBaseUrl("backup") + "/chat/completions"),
          FIRST_TURN.replace("gpt-4o-mini", "gpt-4o"),
          "hinted");
      Http.post(
          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"), FIRST_TURN, "priced");
    }
    List<LedgerEntry> ledger = JsonLines.readAll(run.ledger(), LedgerEntry.class);

    LedgerEntry gpt4o =
        ledger.stream().filter(e -> "hinted".equals(e.taskId())).findFirst().orElseThrow();
    assertThat(gpt4o.costUsd())
        .as("gpt-4o has no scenario price: its hint")
        .isCloseTo(
            new Price(2.5, 10).cost(gpt4o.inputTokens(), gpt4o.outputTokens()), within(1e-12))
        .isPositive();
    LedgerEntry mini =
        ledger.stream().filter(e -> "priced".equals(e.taskId())).findFirst().orElseThrow();
    assertThat(mini.costUsd())
        .as("the scenario's own price wins over the hint")
        .isCloseTo(PRICE.cost(mini.inputTokens(), mini.outputTokens()), within(1e-12));
  }

  @Test
  void linesReachTheFileWhileThePlaneRuns() throws InterruptedException {
    RunDirectory run = RunDirectory.create(dir);
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, Clock.systemUTC())) {
      Http.post(
          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"), FIRST_TURN, null);
      long deadline = System.currentTimeMillis() + 2_000;
      while (JsonLines.readAll(run.ledger(), LedgerEntry.class).isEmpty()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(JsonLines.readAll(run.ledger(), LedgerEntry.class))
          .as("written before close")
          .hasSize(1);
    }
  }

  @Test
  void concurrentCallsAreAllLedgeredWithDistinctCallIndexesPerTask() throws Exception {
    RunDirectory run = RunDirectory.create(dir);
    int tasks = 16;
    int callsPerTask = 50;
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, Clock.systemUTC())) {
      URI chat = URI.create(plane.providerBaseUrl("primary") + "/chat/completions");
      var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks);
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        String task = "task-" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int c = 0; c < callsPerTask; c++) {
                    assertThat(Http.post(chat, FIRST_TURN, task).statusCode()).isEqualTo(200);
                  }
                }));
      }
      for (var f : done) {
        f.get();
      }
      pool.shutdown();
    }
    List<LedgerEntry> ledger = JsonLines.readAll(run.ledger(), LedgerEntry.class);

    assertThat(ledger).hasSize(tasks * callsPerTask);
    assertThat(
            ledger.stream()
                .filter(e -> e.taskId().equals("task-3"))
                .map(LedgerEntry::callIndex)
                .sorted())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, callsPerTask).boxed().toList());
  }
}
