package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes one task's answer as server-sent events: {@code token} events ({@code {"text"}}) as the model's text
 * arrives, {@code reset} when the text sent so far is void because the agent tries again, then one {@code done}
 * (the synchronous answer's body) or {@code error} ({@code {"task_id", "error", "code"}}). Each event is flushed
 * at once. Confined to the task's thread; not thread-safe.
 */
final class EventStreamSink implements TokenSink {
  static final String CONTENT_TYPE = "text/event-stream";

  private final OutputStream out;
  private boolean sentSinceReset;

  private EventStreamSink(OutputStream out) {
    this.out = out;
  }

  /** Answers 200 with a chunked {@code text/event-stream} body and returns the sink that writes it. */
  static EventStreamSink open(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    return new EventStreamSink(exchange.getResponseBody());
  }

  /** @throws ClientGoneException when the client closed the stream, so that the task stops spending tokens */
  @Override
  public void token(String text) {
    sentSinceReset = true;
    uncheckedSend("token", Json.object().put("text", text));
  }

  @Override
  public void discard() {
    if (sentSinceReset) {
      sentSinceReset = false;
      uncheckedSend("reset", Json.object());
    }
  }

  void done(JsonNode result) throws IOException {
    send("done", result);
  }

  void error(JsonNode failure) throws IOException {
    send("error", failure);
  }

  private void uncheckedSend(String event, JsonNode data) {
    try {
      send(event, data);
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  private void send(String event, JsonNode data) throws IOException {
    out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The client closed a task's event stream before its end. */
  static final class ClientGoneException extends UncheckedIOException {
    ClientGoneException(IOException cause) {
      super("the client closed the event stream", cause);
    }
  }
}
