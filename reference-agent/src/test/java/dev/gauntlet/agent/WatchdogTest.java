package dev.gauntlet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance tests of the watchdog: the agent in-process, its primary a leaking model server on loopback that serves
 * {@code /metrics}, {@code /health} and {@code /gauntlet/restart}, its fallback a second provider.
 */
class WatchdogTest {
  private static final String INPUT = "Where is my order A1001?";
  private static final Function<FakeProvider.Call, FakeProvider.Reply> LOOKUP =
      FakeProvider.lookupThenAnswer("lookup_order", "{\"order_id\":\"A1001\"}");

  /** 56 GiB of 80 taken at start; each completion leaks 4 GiB: one task (two completions) reaches 80%, two 90%. */
  private static final double BASELINE_MB = 57_344;

  private static final double LEAK_MB = 4_096;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final AgentHarness harness = new AgentHarness();
  private FakeToolServer tools;
  private FakeProvider fallback;

  @BeforeEach
  void start() throws Exception {
    tools = opened(new FakeToolServer());
    fallback = opened(new FakeProvider(LOOKUP));
  }

  @AfterEach
  void closeAll() throws Exception {
    harness.close();
  }

  @Test
  void restartsAtTheThresholdAnswersFromTheFallbackDuringColdStartAndReturnsToThePrimary()
      throws Exception {
    FakeModelServer server = opened(new FakeModelServer(LOOKUP, BASELINE_MB, LEAK_MB, 1_500));
    AgentClient agent = agent(server, "resilient");

    assertThat(agent.task("t-1", INPUT).body().path("provider").asText()).isEqualTo("primary");
    assertThat(server.restarts()).as("at %.3f of memory, below 0.9", server.usedShare()).isZero();
    assertThat(agent.task("t-2", INPUT).body().path("provider").asText()).isEqualTo("primary");
    assertThat(server.usedShare()).isGreaterThanOrEqualTo(0.9);

    assertThat(eventually(() -> server.restarts() == 1)).as("a restart within %s", WAIT).isTrue();
    assertThat(server.starting()).as("cold start still running").isTrue();
    AgentClient.Answer during = agent.task("t-3", INPUT);
    assertThat(during.status()).as(during.body().toString()).isEqualTo(200);
    assertThat(during.body().path("provider").asText()).isEqualTo("fallback");
    assertThat(server.completionsWhileStarting())
        .as("no call spent on a server known to be starting")
        .isZero();

    assertThat(eventually(() -> !server.starting())).isTrue();
    assertThat(eventually(() -> primaryAnswers(agent)))
        .as("back to the primary once /health is 200")
        .isTrue();
    assertThat(server.restarts()).as("memory back at its baseline: no second restart").isEqualTo(1);
  }

  @Test
  void treatsAServerThatStopsAnsweringAsCrashedAndRestartsIt() throws Exception {
    FakeModelServer server = opened(new FakeModelServer(LOOKUP, BASELINE_MB, 0, 1_000));
    AgentClient agent = agent(server, "resilient");
    assertThat(agent.task("t-1", INPUT).body().path("provider").asText()).isEqualTo("primary");

    server.hang();

    assertThat(eventually(() -> server.restarts() == 1)).as("a restart within %s", WAIT).isTrue();
    AgentClient.Answer during = agent.task("t-2", INPUT);
    assertThat(during.status()).isEqualTo(200);
    assertThat(during.body().path("provider").asText()).isEqualTo("fallback");
    assertThat(eventually(() -> primaryAnswers(agent))).isTrue();
    assertThat(server.restarts()).isEqualTo(1);
  }

  @Test
  void naiveModeHasNoWatchdogWhateverTheEnvironmentSays() throws Exception {
    FakeModelServer server =
        opened(new FakeModelServer(LOOKUP, 0.95 * FakeModelServer.TOTAL_MB, LEAK_MB, 1_000));
    RunningAgent running = start(server, "naive");
    AgentClient agent = new AgentClient(running);

    assertThat(agent.task("t-1", INPUT).body().path("provider").asText()).isEqualTo("primary");
    Thread.sleep(1_000); // four intervals

    assertThat(server.metricsPolls()).isZero();
    assertThat(server.restarts()).isZero();
    assertThat(running.watchdogRestarts()).isZero();
  }

  @Test
  void aServerBelowTheThresholdIsPolledButNeverRestarted() throws Exception {
    FakeModelServer server = opened(new FakeModelServer(LOOKUP, BASELINE_MB, 0, 1_000));
    agent(server, "resilient");

    assertThat(eventually(() -> server.metricsPolls() >= 4)).isTrue();

    assertThat(server.restarts()).isZero();
  }

  private boolean primaryAnswers(AgentClient agent) {
    try {
      return "primary"
          .equals(agent.task("probe-" + System.nanoTime(), INPUT).body().path("provider").asText());
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  private AgentClient agent(FakeModelServer server, String mode) throws InterruptedException {
    return new AgentClient(start(server, mode));
  }

  private RunningAgent start(FakeModelServer server, String mode) throws InterruptedException {
    return harness.start(
        Map.of(
            "AGENT_MODE",
            mode,
            "AGENT_CACHE",
            "off",
            "OPENAI_BASE_URL",
            server.baseUrl(),
            "OPENAI_FALLBACK_BASE_URL",
            fallback.baseUrl(),
            "AGENT_TOOLS_URL",
            tools.baseUrl(),
            "AGENT_WATCHDOG_URL",
            server.rootUrl(),
            "AGENT_WATCHDOG_THRESHOLD",
            "0.9",
            "AGENT_WATCHDOG_INTERVAL",
            "250ms"));
  }

  private <T extends AutoCloseable> T opened(T resource) {
    return harness.opened(resource);
  }
}
