package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.ToolUseBlock;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pass-through against an upstream (a JDK HttpServer) that answers with canned bodies shaped as the real providers
 * shape them, including what the scripted mock never sends: several choices, a text block before a tool use, errors.
 */
class PassthroughRawUpstreamTest {

  private static final String CLAUDE = "claude-sonnet-4-5-20250929";
  private static final Fault UNKNOWN_TOOL =
      new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.UNKNOWN_TOOL);

  @TempDir Path dir;

  private HttpServer upstream;
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "";

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/v1/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private FaultPlane forwarding(String api, Fault fault) {
    URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
    return PassthroughRig.start(
        PassthroughRig.scenario(
            Provider.passthrough("primary", api, MODEL, base, null, null),
            PassthroughRig.always(fault)),
        dir.resolve("pt"));
  }

  @Test
  void anAnswerThatCannotBeReadIsRelayedUnchangedAndTheLedgerSaysTheFaultWasNotApplied()
      throws Exception {
    body =
        "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
            + MODEL
            + "\","
            + "\"choices\":["
            + choice(0, "issue_refund")
            + ","
            + choice(1, "get_order")
            + "],"
            + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":20,\"total_tokens\":50}}";
    HttpResponse<String> response;
    try (FaultPlane plane = forwarding("openai", UNKNOWN_TOOL)) {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"))
                      .header("content-type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\""
                                  + MODEL
                                  + "\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Refund A1\"}]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).as("two choices are not one turn to rewrite").isEqualTo(body);
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fault())
                  .isEqualTo("the-fault (not applied: the upstream's answer could not be read)");
              assertThat(e.hallucinated()).isFalse();
              assertThat(e.inputTokens()).isEqualTo(30);
              assertThat(e.outputTokens()).isEqualTo(20);
            });
  }

  private static String choice(int index, String tool) {
    return "{\"index\":"
        + index
        + ",\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
        + "\"content\":null,\"tool_calls\":[{\"id\":\"call_"
        + index
        + "\",\"type\":\"function\",\"function\":"
        + "{\"name\":\""
        + tool
        + "\",\"arguments\":\"{\\\"order_id\\\":\\\"A1\\\"}\"}}]}}";
  }

  @Test
  void anUpstreamErrorIsRelayedAsItCameWithItsStatusInTheLedger() {
    status = 529;
    body =
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    try (FaultPlane plane = forwarding("anthropic", UNKNOWN_TOOL)) {
      AnthropicClient client = PassthroughRig.anthropic(plane);
      AnthropicServiceException e =
          catchThrowableOfType(
              AnthropicServiceException.class,
              () -> client.messages().create(LlmFaults.askAnthropic().build()));
      client.close();

      assertThat(e.statusCode()).isEqualTo(529);
    }
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(529);
              assertThat(e.fault()).isNull();
            });
  }

  @Test
  void aClaudeStreamWithTextBeforeItsToolUseIsRewrittenKeepingIdsModelAndUsage() {
    contentType = "text/event-stream; charset=utf-8";
    body =
        event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XYZ\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\""
                    + CLAUDE
                    + "\",\"content\":[],\"stop_reason\":null,"
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":412,\"output_tokens\":2}}}")
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("ping", "{\"type\":\"ping\"}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"I'll refund that.\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"tool_use\",\"id\":\"toolu_01ABC\",\"name\":\"issue_refund\",\"input\":{}}}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"order_id\\\": \\\"A1\\\", \"}}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"amount_cents\\\": 1500}\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":87}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");
    Message message;
    try (FaultPlane plane = forwarding("anthropic", UNKNOWN_TOOL)) {
      AnthropicClient client = PassthroughRig.anthropic(plane);
      message = PassthroughRig.streamed(client, LlmFaults.askAnthropic().build());
      client.close();
    }

    assertThat(message.id()).isEqualTo("msg_01XYZ");
    assertThat(message.model().asString()).isEqualTo(CLAUDE);
    assertThat(message.usage().inputTokens()).isEqualTo(412);
    assertThat(message.usage().outputTokens()).isEqualTo(87);
    ToolUseBlock call =
        message.content().stream().filter(b -> b.isToolUse()).findFirst().orElseThrow().asToolUse();
    assertThat(call.id()).isEqualTo("toolu_01ABC");
    assertThat(call.name()).isNotIn("get_order", "issue_refund");
    assertThat(call._input().convert(java.util.Map.class)).containsEntry("order_id", "A1");
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.hallucinated()).isTrue();
              assertThat(e.inputTokens()).isEqualTo(412);
              assertThat(e.outputTokens()).isEqualTo(87);
            });
  }

  private static String event(String type, String data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
  }
}
