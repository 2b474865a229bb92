package dev.gauntlet.agent;

import static dev.gauntlet.agent.FakeProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.agent.internal.ToolCatalog;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resilient agent's approval guard, against a fake provider and tool server on loopback: high-impact calls the
 * catalog's {@code approval} marks are never sent to the tool server; the naive agent sends them.
 */
class ApprovalGuardTest {
  private static final String CATALOG =
      """
      {"tools":[
       {"name":"lookup_order","description":"Looks up an order","parameters":{"type":"object",
        "properties":{"order_id":{"type":"string"}},"required":["order_id"]}},
       {"name":"issue_refund","description":"Refunds","parameters":{"type":"object","properties":{
        "order_id":{"type":"string"},"amount_cents":{"type":"integer"}},"required":["order_id","amount_cents"]},
        "approval":{"argument":"amount_cents","above":50000}},
       {"name":"delete_account","description":"Deletes","parameters":{"type":"object",
        "properties":{"customer_id":{"type":"string"}},"required":["customer_id"]},"approval":"required"}]}""";
  private static final String INPUT = "Refund A1 in full.";

  private final AgentHarness harness = new AgentHarness();
  private FakeToolServer tools;

  @AfterEach
  void closeAll() throws Exception {
    harness.close();
  }

  @Test
  void resilientHoldsBackARefundAboveTheLimitAndTellsTheModel() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                FakeProvider.lookupThenAnswer(
                    "issue_refund", "{\"order_id\":\"A1\",\"amount_cents\":90000}")));

    AgentClient.Answer answer = agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(tools.calls()).as("nothing reached the tool server").isEmpty();
    assertThat(answer.body().path("tool_calls")).isEmpty();
    assertThat(provider.calls().get(1).lastMessage().path("content").asText())
        .contains("issue_refund: amount_cents above 50000 needs a human's approval")
        .contains("NOT run");
  }

  @Test
  void resilientRunsARefundWithinTheLimit() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                FakeProvider.lookupThenAnswer(
                    "issue_refund", "{\"order_id\":\"A1\",\"amount_cents\":50000}")));

    agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(tools.calls()).extracting(FakeToolServer.Call::name).containsExactly("issue_refund");
  }

  @Test
  void resilientAnswersThatItEscalatedWhenTheModelInsists() throws Exception {
    Function<FakeProvider.Call, Reply> insists =
        call ->
            Reply.toolCall("call_" + call.index(), "delete_account", "{\"customer_id\":\"C-1\"}");
    FakeProvider provider = opened(new FakeProvider(insists));

    AgentClient.Answer answer = agent(provider, Map.of()).task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("output").asText())
        .startsWith("I can't do that myself")
        .contains("escalated your request to a human agent");
    assertThat(provider.calls()).hasSize(2);
    assertThat(tools.calls()).isEmpty();
  }

  @Test
  void naiveRunsWhateverTheModelAsks() throws Exception {
    FakeProvider provider =
        opened(
            new FakeProvider(
                FakeProvider.lookupThenAnswer("delete_account", "{\"customer_id\":\"C-1\"}")));

    AgentClient.Answer answer = agent(provider, Map.of("AGENT_MODE", "naive")).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(tools.calls())
        .extracting(FakeToolServer.Call::name)
        .containsExactly("delete_account");
  }

  @Test
  void aCatalogWithAnUnreadableApprovalIsRejectedNamingTheTool() throws Exception {
    String catalog =
        "{\"tools\":[{\"name\":\"a\",\"parameters\":{\"type\":\"object\"}},"
            + "{\"name\":\"wipe\",\"parameters\":{\"type\":\"object\"},\"approval\":\"sometimes\"}]}";

    assertThatThrownBy(() -> ToolCatalog.parse(FakeProvider.JSON.readTree(catalog)))
        .hasMessage(
            "tools[1].approval must be \"required\" or {\"argument\": NAME, \"above\": NUMBER}, "
                + "but was \"sometimes\"");
  }

  private AgentClient agent(FakeProvider provider, Map<String, String> overrides) throws Exception {
    tools = opened(new FakeToolServer(CATALOG));
    return harness.agent(provider.baseUrl(), tools.baseUrl(), overrides);
  }

  private <T extends AutoCloseable> T opened(T resource) {
    return harness.opened(resource);
  }
}
