package dev.gauntlet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** An OpenAI Chat Completions endpoint on loopback that answers from a script and records every call. */
final class FakeProvider implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** One request the provider received. */
  record Call(int index, JsonNode body, String taskIdHeader, long receivedNanos) {
    JsonNode messages() {
      return body.path("messages");
    }

    JsonNode lastMessage() {
      return messages().get(messages().size() - 1);
    }
  }

  /**
   * What to answer. A request with {@code stream: true} gets a 200 answer as chunks: the content a word a chunk,
   * {@code gapMillis} apart, after {@code delayMillis}; a {@code cut} stream ends halfway, without its finish chunk.
   */
  record Reply(
      int status,
      Map<String, String> headers,
      String body,
      long delayMillis,
      long gapMillis,
      boolean cut) {
    Reply(int status, Map<String, String> headers, String body, long delayMillis) {
      this(status, headers, body, delayMillis, 0, false);
    }

    static Reply toolCall(String id, String name, String arguments) {
      ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      ObjectNode call = calls.addObject().put("id", id).put("type", "function");
      call.putObject("function").put("name", name).put("arguments", arguments);
      return completion(message, "tool_calls", 100, 20);
    }

    static Reply answer(String text) {
      return completion(
          JSON.createObjectNode().put("role", "assistant").put("content", text), "stop", 150, 30);
    }

    static Reply status(int status, Map<String, String> headers) {
      return new Reply(
          status,
          headers,
          "{\"error\":{\"message\":\"fault " + status + "\",\"type\":\"server_error\"}}",
          0);
    }

    Reply delayed(long millis) {
      return new Reply(status, headers, body, millis, gapMillis, cut);
    }

    /** Streamed with {@code millis} between two chunks of content. */
    Reply paced(long millis) {
      return new Reply(status, headers, body, delayMillis, millis, cut);
    }

    /** Streamed, but stopping halfway through the content, with no finish chunk and no {@code [DONE]}. */
    Reply cutShort() {
      return new Reply(status, headers, body, delayMillis, gapMillis, true);
    }

    Reply withUsage(int promptTokens, int completionTokens) {
      try {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.putObject("usage")
            .put("prompt_tokens", promptTokens)
            .put("completion_tokens", completionTokens)
            .put("total_tokens", promptTokens + completionTokens);
        return new Reply(status, headers, json.toString(), delayMillis, gapMillis, cut);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The same answer, cut short: {@code finish_reason} {@code length}. */
    Reply truncated() {
      try {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) json.path("choices").get(0)).put("finish_reason", "length");
        return new Reply(status, headers, json.toString(), delayMillis, gapMillis, cut);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Reply completion(
        ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
      ObjectNode json =
          JSON.createObjectNode()
              .put("id", "chatcmpl-1")
              .put("object", "chat.completion")
              .put("created", 1_700_000_000L)
              .put("model", "gpt-4o-mini");
      json.putArray("choices")
          .addObject()
          .put("index", 0)
          .put("finish_reason", finishReason)
          .set("message", message);
      return new Reply(200, Map.of(), json.toString(), 0).withUsage(promptTokens, completionTokens);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile Function<Call, Reply> script;

  FakeProvider(Function<Call, Reply> script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** Calls a tool first, then answers with the text of the tool's result. */
  static Function<Call, Reply> lookupThenAnswer(String tool, String arguments) {
    return call ->
        "tool".equals(call.lastMessage().path("role").asText())
            ? Reply.answer("Result: " + call.lastMessage().path("content").asText())
            : Reply.toolCall("call_" + call.index(), tool, arguments);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<Call> calls() {
    return calls;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Call call =
          new Call(
              calls.size(),
              body,
              exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id"),
              System.nanoTime());
      calls.add(call);
      Reply reply = script.apply(call);
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      if (reply.status() == 200 && body.path("stream").asBoolean(false)) {
        stream(exchange, reply, body.at("/stream_options/include_usage").asBoolean(false));
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    }
  }

  /** The reply's completion as OpenAI streams it: role, content a word a chunk, tool calls, finish, usage, [DONE]. */
  private static void stream(HttpExchange exchange, Reply reply, boolean includeUsage)
      throws IOException, InterruptedException {
    JsonNode completion = JSON.readTree(reply.body());
    JsonNode choice = completion.path("choices").get(0);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    chunk(
        out, completion, JSON.createObjectNode().put("role", "assistant").put("content", ""), null);
    String content = choice.path("message").path("content").asText("");
    List<String> words = content.isEmpty() ? List.of() : List.of(content.split("(?<= )"));
    for (int i = 0; i < words.size(); i++) {
      if (reply.cut() && i == words.size() / 2) {
        return;
      }
      if (i > 0 && reply.gapMillis() > 0) {
        Thread.sleep(reply.gapMillis());
      }
      chunk(out, completion, JSON.createObjectNode().put("content", words.get(i)), null);
    }
    JsonNode calls = choice.path("message").path("tool_calls");
    for (int i = 0; i < calls.size(); i++) {
      ObjectNode delta = JSON.createObjectNode();
      delta.putArray("tool_calls").addObject().put("index", i).setAll((ObjectNode) calls.get(i));
      chunk(out, completion, delta, null);
    }
    chunk(out, completion, JSON.createObjectNode(), choice.path("finish_reason").asText());
    if (includeUsage) {
      ObjectNode usage = header(completion);
      usage.putArray("choices");
      usage.set("usage", completion.path("usage"));
      write(out, usage.toString());
    }
    write(out, "[DONE]");
  }

  private static void chunk(
      OutputStream out, JsonNode completion, ObjectNode delta, String finishReason)
      throws IOException {
    ObjectNode chunk = header(completion);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.put("finish_reason", finishReason);
    write(out, chunk.toString());
  }

  private static ObjectNode header(JsonNode completion) {
    return JSON.createObjectNode()
        .put("id", completion.path("id").asText())
        .put("object", "chat.completion.chunk")
        .put("created", completion.path("created").asLong())
        .put("model", completion.path("model").asText());
  }

  private static void write(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
