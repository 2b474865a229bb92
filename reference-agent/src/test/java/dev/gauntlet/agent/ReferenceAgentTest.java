package dev.gauntlet.agent;

import static dev.gauntlet.agent.FakeProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance tests: the agent in-process against a fake provider and tool server on loopback. */
class ReferenceAgentTest {
  private static final String INPUT = "Where is my order A1001?";
  private static final Function<FakeProvider.Call, Reply> LOOKUP =
      FakeProvider.lookupThenAnswer("lookup_order", "{\"order_id\":\"A1001\"}");

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
  void runsTheToolLoopAndAnswersFromTheToolResult() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    AgentClient agent = agent(provider, Map.of());

    AgentClient.Answer answer = agent.task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("task_id").asText()).isEqualTo("t-1");
    assertThat(answer.body().path("output").asText()).contains("shipped").contains("A1001");
    assertThat(answer.body().path("tool_calls").toString())
        .isEqualTo("[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1001\"}}]");
    assertThat(answer.body().path("llm_calls").asInt()).isEqualTo(2);
    assertThat(answer.body().path("provider").asText()).isEqualTo("primary");
    assertThat(answer.body().path("usage").toString())
        .isEqualTo("{\"input_tokens\":250,\"output_tokens\":50}");
    assertThat(answer.body().path("cache").asText()).isEqualTo("miss");
  }

  @Test
  void sendsTheTaskInputAsTheFirstUserMessageAndTheCatalogAsFunctionTools() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    agent(provider, Map.of()).task("t-1", INPUT);

    FakeProvider.Call first = provider.calls().get(0);
    assertThat(first.messages().get(0).path("role").asText()).isEqualTo("system");
    assertThat(first.messages().get(1).path("role").asText()).isEqualTo("user");
    assertThat(first.messages().get(1).path("content").asText()).isEqualTo(INPUT);
    assertThat(first.body().path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(first.body().at("/tools/0/type").asText()).isEqualTo("function");
    assertThat(first.body().at("/tools/0/function/name").asText()).isEqualTo("lookup_order");
    assertThat(first.body().at("/tools/0/function/parameters/required/0").asText())
        .isEqualTo("order_id");
  }

  @Test
  void sendsTheToolResultBackWithTheMatchingToolCallId() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    agent(provider, Map.of()).task("t-1", INPUT);

    FakeProvider.Call second = provider.calls().get(1);
    assertThat(second.messages().get(2).at("/tool_calls/0/id").asText()).isEqualTo("call_0");
    assertThat(second.lastMessage().path("role").asText()).isEqualTo("tool");
    assertThat(second.lastMessage().path("tool_call_id").asText()).isEqualTo("call_0");
    assertThat(second.lastMessage().path("content").asText())
        .isEqualTo("{\"order_id\":\"A1001\",\"status\":\"shipped\"}");
  }

  @Test
  void forwardsTheTaskIdToEveryLlmAndToolCall() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    agent(provider, Map.of()).task("t-42", INPUT);

    assertThat(provider.calls())
        .extracting(FakeProvider.Call::taskIdHeader)
        .containsExactly("t-42", "t-42");
    assertThat(tools.calls()).extracting(FakeToolServer.Call::taskIdHeader).containsExactly("t-42");
  }

  @Test
  void resilientRetriesARateLimitAfterTheRetryAfterMsItWasGiven() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                call ->
                    call.index() == 0
                        ? Reply.status(429, Map.of("retry-after-ms", "500"))
                        : LOOKUP.apply(call)));
    AgentClient.Answer answer = agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("llm_calls").asInt()).isEqualTo(3);
    long waitedMillis =
        TimeUnit.NANOSECONDS.toMillis(
            provider.calls().get(1).receivedNanos() - provider.calls().get(0).receivedNanos());
    assertThat(waitedMillis)
        .as("wait before the retry, longer than the 200 ms backoff")
        .isGreaterThanOrEqualTo(480);
  }

  @Test
  void resilientRetriesAnLlmCallThatTimedOut() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                call ->
                    call.index() == 0 ? LOOKUP.apply(call).delayed(2_000) : LOOKUP.apply(call)));
    AgentClient.Answer answer =
        agent(provider, Map.of("AGENT_LLM_TIMEOUT_MS", "300")).task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("llm_calls").asInt()).isEqualTo(3);
  }

  @Test
  void resilientFallsBackToTheSecondProviderWhenThePrimaryKeepsAnswering503() throws Exception {
    FakeProvider primary =
        opened(new FakeProvider(call -> Reply.status(503, Map.of("retry-after-ms", "5"))));
    FakeProvider fallback = opened(new FakeProvider(LOOKUP));
    AgentClient.Answer answer =
        agent(
                primary,
                Map.of(
                    "OPENAI_FALLBACK_BASE_URL",
                    fallback.baseUrl(),
                    "OPENAI_FALLBACK_MODEL",
                    "backup-model"))
            .task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("provider").asText()).isEqualTo("fallback");
    assertThat(answer.body().path("output").asText()).contains("shipped");
    assertThat(primary.calls()).as("three attempts per turn on the primary").hasSize(6);
    assertThat(fallback.calls()).hasSize(2);
    assertThat(fallback.calls().get(0).body().path("model").asText()).isEqualTo("backup-model");
    assertThat(fallback.calls().get(0).taskIdHeader()).isEqualTo("t-1");
  }

  @Test
  void anOpenBreakerSendsCallsStraightToTheFallback() throws Exception {
    FakeProvider primary =
        opened(new FakeProvider(call -> Reply.status(503, Map.of("retry-after-ms", "1"))));
    FakeProvider fallback = opened(new FakeProvider(LOOKUP));
    // the same input three times: without this the cache would answer the second and third
    AgentClient agent =
        agent(
            primary, Map.of("OPENAI_FALLBACK_BASE_URL", fallback.baseUrl(), "AGENT_CACHE", "off"));
    agent.task("t-1", INPUT);
    agent.task("t-2", INPUT);
    int primaryCallsWhenOpen = primary.calls().size();

    AgentClient.Answer answer = agent.task("t-3", INPUT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("provider").asText()).isEqualTo("fallback");
    assertThat(answer.body().path("llm_calls").asInt())
        .as("no call to the primary while open")
        .isEqualTo(2);
    assertThat(primary.calls()).hasSize(primaryCallsWhenOpen);
  }

  @Test
  void resilientWithoutFallbackAnswers502AfterItsRetries() throws Exception {
    FakeProvider provider =
        opened(new FakeProvider(call -> Reply.status(503, Map.of("retry-after-ms", "5"))));
    AgentClient.Answer answer = agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.body().path("task_id").asText()).isEqualTo("t-1");
    assertThat(answer.body().path("error").asText()).contains("503");
    assertThat(provider.calls()).hasSize(3);
  }

  @Test
  void naiveFailsWith502OnTheFirst503WithoutRetrying() throws Exception {
    FakeProvider provider = opened(new FakeProvider(call -> Reply.status(503, Map.of())));
    FakeProvider fallback = opened(new FakeProvider(LOOKUP));
    AgentClient.Answer answer =
        agent(
                provider,
                Map.of("AGENT_MODE", "naive", "OPENAI_FALLBACK_BASE_URL", fallback.baseUrl()))
            .task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.body().path("error").asText()).isEqualTo("provider primary answered 503");
    assertThat(provider.calls()).hasSize(1);
    assertThat(fallback.calls()).isEmpty();
  }

  @Test
  void resilientRefusesAToolThatIsNotInTheCatalog() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(FakeProvider.lookupThenAnswer("delete_account", "{\"id\":\"u1\"}")));
    AgentClient.Answer answer = agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(tools.calls()).isEmpty();
    assertThat(answer.body().path("tool_calls").size()).isZero();
    assertThat(provider.calls().get(1).lastMessage().path("content").asText())
        .isEqualTo("{\"error\":\"unknown tool delete_account\"}");
  }

  @Test
  void naiveCallsAToolThatIsNotInTheCatalogAndPassesItsErrorBack() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(FakeProvider.lookupThenAnswer("delete_account", "{\"id\":\"u1\"}")));
    AgentClient.Answer answer = agent(provider, Map.of("AGENT_MODE", "naive")).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(tools.calls())
        .extracting(FakeToolServer.Call::name)
        .containsExactly("delete_account");
    assertThat(answer.body().at("/tool_calls/0/name").asText()).isEqualTo("delete_account");
    assertThat(provider.calls().get(1).lastMessage().path("content").asText())
        .isEqualTo("{\"error\":\"no tool delete_account\"}");
  }

  @Test
  void aModelThatNeverStopsCallingToolsHitsTheStepLimit() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                call ->
                    Reply.toolCall(
                        "call_" + call.index(), "lookup_order", "{\"order_id\":\"A1\"}")));
    AgentClient.Answer answer = agent(provider, Map.of("AGENT_MAX_STEPS", "3")).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("error").asText()).isEqualTo("step limit of 3 reached");
    assertThat(provider.calls()).hasSize(3);
    assertThat(tools.calls()).hasSize(2);
  }

  @Test
  void aTaskThatSpendsMoreTokensThanItsBudgetAnswers422() throws Exception {
    FakeProvider provider =
        opened(new FakeProvider(call -> LOOKUP.apply(call).withUsage(900, 200)));
    AgentClient.Answer answer =
        agent(provider, Map.of("AGENT_TOKEN_BUDGET", "2000")).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("error").asText()).isEqualTo("token budget of 2000 exceeded");
  }

  @Test
  void naiveIgnoresTheTokenBudget() throws Exception {
    FakeProvider provider =
        opened(new FakeProvider(call -> LOOKUP.apply(call).withUsage(900, 200)));
    AgentClient.Answer answer =
        agent(provider, Map.of("AGENT_MODE", "naive", "AGENT_TOKEN_BUDGET", "2000"))
            .task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void aMalformedRequestAnswers400() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    AgentClient agent = agent(provider, Map.of());

    assertThat(agent.post("not json", "t-1").status()).isEqualTo(400);
    AgentClient.Answer noInput = agent.post("{\"task_id\":\"t-1\"}", "t-1");
    assertThat(noInput.status()).isEqualTo(400);
    assertThat(noInput.body().path("error").asText())
        .isEqualTo("input must be a string, but was missing");
    assertThat(provider.calls()).isEmpty();
  }

  @Test
  void takesTheTaskIdFromTheHeaderWhenTheBodyHasNone() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    AgentClient.Answer answer =
        agent(provider, Map.of()).post("{\"input\":\"" + INPUT + "\"}", "t-header");

    assertThat(answer.body().path("task_id").asText()).isEqualTo("t-header");
    assertThat(provider.calls().get(0).taskIdHeader()).isEqualTo("t-header");
  }

  @Test
  void healthAnswersOkWithTheModeOnceTheCatalogIsLoaded() throws Exception {
    FakeProvider provider = opened(new FakeProvider(LOOKUP));
    AgentClient.Answer health = agent(provider, Map.of("AGENT_MODE", "naive")).health();

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().toString()).isEqualTo("{\"status\":\"ok\",\"mode\":\"naive\"}");
  }

  private AgentClient agent(FakeProvider provider, Map<String, String> overrides)
      throws InterruptedException {
    return harness.agent(provider.baseUrl(), tools.baseUrl(), overrides);
  }

  private <T extends AutoCloseable> T opened(T resource) {
    return harness.opened(resource);
  }
}
