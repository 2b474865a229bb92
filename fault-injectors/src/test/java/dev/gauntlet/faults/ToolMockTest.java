package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolMockTest {

  @TempDir Path dir;

  private List<HttpResponse<String>> calls(RunDirectory run, String... pathsAndBodies) {
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(1), Fixtures.dataset(), run, Clock.systemUTC())) {
      List<HttpResponse<String>> out = new java.util.ArrayList<>();
      for (int i = 0; i < pathsAndBodies.length; i += 2) {
        URI uri = URI.create(plane.toolsBaseUrl() + pathsAndBodies[i]);
        out.add(
            pathsAndBodies[i + 1] == null
                ? Http.get(uri)
                : Http.post(uri, pathsAndBodies[i + 1], "task-1"));
      }
      return out;
    }
  }

  @Test
  void listsTheCatalog() {
    HttpResponse<String> tools = calls(RunDirectory.create(dir), "/tools", null).get(0);

    assertThat(tools.statusCode()).isEqualTo(200);
    assertThat(Fixtures.json(tools.body()).at("/tools/0/name").asText()).isEqualTo("get_order");
    assertThat(Fixtures.json(tools.body()).at("/tools/0/parameters/type").asText())
        .isEqualTo("object");
  }

  @Test
  void listsEachToolsApprovalSoThatAnAgentCanHoldHighImpactCallsBack() {
    var refund =
        new dev.gauntlet.dataset.ToolDef(
            "issue_refund",
            "Refunds",
            Fixtures.json(LlmFaults.REFUND_SCHEMA),
            new dev.gauntlet.dataset.Approval.Above(
                "amount_cents", java.math.BigDecimal.valueOf(50000)));
    var delete =
        new dev.gauntlet.dataset.ToolDef(
            "delete_account",
            "Deletes",
            Fixtures.json("{\"type\":\"object\"}"),
            new dev.gauntlet.dataset.Approval.Required());
    var dataset =
        new dev.gauntlet.dataset.Dataset(
            "guarded",
            "1",
            "test",
            List.of(Fixtures.dataset().tools().get(0), refund, delete),
            List.of(),
            null);
    try (FaultPlane plane =
        FaultPlane.start(
            Fixtures.scenario(1), dataset, RunDirectory.create(dir), Clock.systemUTC())) {
      var tools =
          Fixtures.json(Http.get(URI.create(plane.toolsBaseUrl() + "/tools")).body()).get("tools");

      assertThat(tools.get(0).has("approval")).as("a tool without approval has no key").isFalse();
      assertThat(tools.get(1).get("approval"))
          .isEqualTo(Fixtures.json("{\"argument\":\"amount_cents\",\"above\":50000}"));
      assertThat(tools.get(2).get("approval").asText()).isEqualTo("required");
    }
  }

  @Test
  void answersTheFixtureWhateverTheKeyOrder() {
    HttpResponse<String> answer =
        calls(RunDirectory.create(dir), "/tools/get_order", "{ \"order_id\" : \"42\" }").get(0);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(Fixtures.json(answer.body()))
        .isEqualTo(Fixtures.json("{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}"));
  }

  @Test
  void argumentsWithoutAFixtureGet404() {
    HttpResponse<String> answer =
        calls(RunDirectory.create(dir), "/tools/get_order", "{\"order_id\":\"7\"}").get(0);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(Fixtures.json(answer.body()).get("error").asText())
        .isEqualTo("no fixture for get_order with {\"order_id\":\"7\"}");
  }

  @Test
  void unknownToolGets404AndIsFlaggedAsHallucinated() {
    RunDirectory run = RunDirectory.create(dir);
    HttpResponse<String> answer = calls(run, "/tools/cancel_order", "{\"order_id\":\"42\"}").get(0);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(Fixtures.json(answer.body()).get("error").asText())
        .isEqualTo("unknown tool cancel_order");
    assertThat(JsonLines.readAll(run.ledger(), LedgerEntry.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("tool");
              assertThat(e.tool()).isEqualTo("cancel_order");
              assertThat(e.taskId()).isEqualTo("task-1");
              assertThat(e.hallucinated()).isTrue();
              assertThat(e.status()).isEqualTo(404);
            });
  }

  @Test
  void eachToolLineKeepsTheArgumentsSentAndTheBodyWhenItIsNotAnObject() {
    RunDirectory run = RunDirectory.create(dir);
    calls(
        run,
        "/tools/get_order",
        "{ \"order_id\" : \"42\" }",
        "/tools/get_order",
        "{\"order_id\":7}",
        "/tools/get_order",
        "[\"42\"]");

    List<LedgerEntry> ledger =
        JsonLines.readAll(run.ledger(), LedgerEntry.class).stream()
            .sorted(java.util.Comparator.comparingInt(LedgerEntry::callIndex))
            .toList();

    assertThat(ledger)
        .extracting(e -> e.arguments().toString())
        .as("by call index, the order the calls were made")
        .containsExactly("{\"order_id\":\"42\"}", "{\"order_id\":7}", "\"[\\\"42\\\"]\"");
  }
}
