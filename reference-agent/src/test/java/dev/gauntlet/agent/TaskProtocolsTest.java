package dev.gauntlet.agent;

import static dev.gauntlet.agent.FakeProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance tests of the asynchronous and streaming task protocols, against a fake provider on loopback. */
class TaskProtocolsTest {
  private static final String INPUT = "Where is my order A1001?";
  private static final String ANSWER = "Your order A1001 has shipped and will arrive on Friday.";

  private final AgentHarness harness = new AgentHarness();
  private FakeToolServer tools;

  @BeforeEach
  void startTools() throws Exception {
    tools = opened(new FakeToolServer());
  }

  @AfterEach
  void closeAll() throws Exception {
    harness.close();
  }

  @Test
  void streamSendsTheAnswerTokensAsTheProviderStreamsThemThenTheResult() throws Exception {
    FakeProvider provider =
        opened(new FakeProvider(lookupThen(call -> Reply.answer(ANSWER).paced(80))));

    List<AgentClient.Event> events = agent(provider, Map.of()).stream("t-1", INPUT);

    List<AgentClient.Event> tokens = named(events, "token");
    AgentClient.Event done = events.get(events.size() - 1);
    assertThat(done.name()).isEqualTo("done");
    assertThat(tokens).as("one token event a streamed word").hasSize(10);
    assertThat(
            tokens.stream().map(e -> e.data().path("text").asText()).collect(Collectors.joining()))
        .isEqualTo(ANSWER)
        .isEqualTo(done.data().path("output").asText());
    assertThat(TimeUnit.NANOSECONDS.toMillis(done.arrivedNanos() - tokens.get(0).arrivedNanos()))
        .as(
            "the first token reaches the client while the provider is still streaming (9 gaps of 80 ms)")
        .isGreaterThanOrEqualTo(600);
    assertThat(done.data().path("tool_calls").toString())
        .isEqualTo("[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1001\"}}]");
    assertThat(done.data().path("usage").toString())
        .as("usage from the streams' usage chunks")
        .isEqualTo("{\"input_tokens\":250,\"output_tokens\":50}");
    assertThat(provider.calls())
        .allSatisfy(
            call -> {
              assertThat(call.body().path("stream").asBoolean()).isTrue();
              assertThat(call.body().at("/stream_options/include_usage").asBoolean()).isTrue();
            });
  }

  @Test
  void resilientRetriesAStreamCutShortAndResetsTheTextItHadSent() throws Exception {
    AtomicInteger answers = new AtomicInteger();
    FakeProvider provider =
        opened(
            new FakeProvider(
                lookupThen(
                    call ->
                        answers.incrementAndGet() == 1
                            ? Reply.answer(ANSWER).cutShort()
                            : Reply.answer(ANSWER))));

    List<AgentClient.Event> events = agent(provider, Map.of()).stream("t-1", INPUT);

    List<String> names = events.stream().map(AgentClient.Event::name).toList();
    assertThat(names).containsOnlyOnce("reset").endsWith("done");
    int reset = names.indexOf("reset");
    assertThat(names.subList(0, reset)).as("the cut attempt's tokens came first").contains("token");
    assertThat(
            events.subList(reset + 1, events.size() - 1).stream()
                .map(e -> e.data().path("text").asText())
                .collect(Collectors.joining()))
        .isEqualTo(ANSWER);
    assertThat(events.get(events.size() - 1).data().path("llm_calls").asInt()).isEqualTo(3);
  }

  @Test
  void streamOfAFailedTaskEndsWithAnErrorEventCarryingTheSyncStatus() throws Exception {
    FakeProvider provider = opened(new FakeProvider(call -> Reply.status(503, Map.of())));

    List<AgentClient.Event> events =
        agent(provider, Map.of("AGENT_MODE", "naive")).stream("t-1", INPUT);

    assertThat(events).hasSize(1);
    assertThat(events.get(0).name()).isEqualTo("error");
    assertThat(events.get(0).data().path("code").asInt()).isEqualTo(502);
    assertThat(events.get(0).data().path("task_id").asText()).isEqualTo("t-1");
    assertThat(events.get(0).data().path("error").asText())
        .isEqualTo("provider primary answered 503");
  }

  @Test
  void asyncAnswers202AtOnceThenThePollTellsRunningThenTheResult() throws Exception {
    FakeProvider provider =
        opened(new FakeProvider(lookupThen(call -> Reply.answer(ANSWER).delayed(400))));
    AgentClient agent = agent(provider, Map.of());

    AgentClient.Answer submitted = agent.submit("t-7", INPUT);

    assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
    assertThat(submitted.body().path("task_id").asText()).isEqualTo("t-7");
    String statusUrl = submitted.body().path("status_url").asText();
    assertThat(statusUrl).isEqualTo("/v1/tasks/t-7");
    assertThat(agent.get(statusUrl).body().path("status").asText()).isEqualTo("running");
    assertThat(agent.submit("t-7", INPUT).status()).as("the same id while it runs").isEqualTo(409);
    AgentClient.Answer done = pollUntilFinished(agent, statusUrl);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().path("status").asText()).isEqualTo("done");
    assertThat(done.body().path("task_id").asText()).isEqualTo("t-7");
    assertThat(done.body().path("output").asText()).isEqualTo(ANSWER);
    assertThat(done.body().path("llm_calls").asInt()).isEqualTo(2);
    assertThat(done.body().path("cache").asText()).isEqualTo("miss");
    assertThat(provider.calls())
        .as("async tasks ask for whole answers")
        .allSatisfy(call -> assertThat(call.body().path("stream").asBoolean(false)).isFalse());
  }

  @Test
  void asyncFailureIsPolledAsFailedWithTheSyncStatusAsCode() throws Exception {
    FakeProvider provider = opened(new FakeProvider(call -> Reply.status(503, Map.of())));
    AgentClient agent = agent(provider, Map.of("AGENT_MODE", "naive"));

    AgentClient.Answer failed =
        pollUntilFinished(agent, agent.submit("t-8", INPUT).body().path("status_url").asText());

    assertThat(failed.body().path("status").asText()).isEqualTo("failed");
    assertThat(failed.body().path("code").asInt()).isEqualTo(502);
    assertThat(failed.body().path("error").asText()).isEqualTo("provider primary answered 503");
  }

  @Test
  void pollOfAnUnknownTaskIs404AndAsyncMustBeABoolean() throws Exception {
    FakeProvider provider = opened(new FakeProvider(lookupThen(call -> Reply.answer(ANSWER))));
    AgentClient agent = agent(provider, Map.of());

    assertThat(agent.get("/v1/tasks/nobody").status()).isEqualTo(404);
    AgentClient.Answer bad = agent.post("{\"input\":\"x\",\"async\":\"yes\"}", "t-9");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("error").asText())
        .isEqualTo("async must be a boolean, but was \"yes\"");
  }

  @Test
  void theStatusUrlOfATaskIdWithReservedCharactersIsEncodedAndPolls() throws Exception {
    FakeProvider provider = opened(new FakeProvider(lookupThen(call -> Reply.answer(ANSWER))));
    AgentClient agent = agent(provider, Map.of());

    String statusUrl = agent.submit("order 7/a", INPUT).body().path("status_url").asText();

    assertThat(statusUrl).isEqualTo("/v1/tasks/order%207%2Fa");
    assertThat(pollUntilFinished(agent, statusUrl).body().path("task_id").asText())
        .isEqualTo("order 7/a");
  }

  private static Function<FakeProvider.Call, Reply> lookupThen(
      Function<FakeProvider.Call, Reply> answer) {
    return call ->
        "tool".equals(call.lastMessage().path("role").asText())
            ? answer.apply(call)
            : Reply.toolCall("call_" + call.index(), "lookup_order", "{\"order_id\":\"A1001\"}");
  }

  private static List<AgentClient.Event> named(List<AgentClient.Event> events, String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  private static AgentClient.Answer pollUntilFinished(AgentClient agent, String statusUrl)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    AgentClient.Answer state = agent.get(statusUrl);
    while ("running".equals(state.body().path("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      state = agent.get(statusUrl);
    }
    return state;
  }

  private AgentClient agent(FakeProvider provider, Map<String, String> overrides)
      throws InterruptedException {
    return harness.agent(provider.baseUrl(), tools.baseUrl(), overrides);
  }

  private <T extends AutoCloseable> T opened(T resource) {
    return harness.opened(resource);
  }
}
