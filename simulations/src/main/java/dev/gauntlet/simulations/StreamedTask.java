package dev.gauntlet.simulations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One task sent with {@code Accept: text/event-stream}, its events read line by line as they arrive on the HTTP
 * client's threads. The first {@code token} event's arrival is the time to first token; a {@code done} or
 * {@code error} event ends the task. A body that is not an event stream (a 400 for a malformed request) is kept whole
 * and answers like a synchronous call. Every time is read with {@link System#nanoTime()} at arrival, so when the
 * virtual user notices that the task finished does not change what is measured. Thread-safe: written by the client's
 * threads, read by Gatling's.
 */
final class StreamedTask implements Flow.Subscriber<String> {

  private static final int MAX_RAW_CHARS = 4_096;

  private final long startNanos = System.nanoTime();
  private final StringBuilder raw = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private String event = "message";
  private Flow.Subscription subscription;
  private volatile long firstTokenNanos;
  private volatile long endNanos;
  private volatile int status;
  private volatile String body;
  private volatile String error;

  private StreamedTask() {}

  /** Sends the task now; the answer is read in the background. */
  static StreamedTask send(HttpClient client, HttpRequest request) {
    StreamedTask task = new StreamedTask();
    HttpResponse.BodyHandler<Void> lines =
        info -> {
          task.status = info.statusCode();
          return HttpResponse.BodySubscribers.<StreamedTask, Void>fromLineSubscriber(
              task, read -> null, StandardCharsets.UTF_8, null);
        };
    client
        .sendAsync(request, lines)
        .exceptionally(
            failure -> {
              task.fail("no response: " + rootMessage(failure));
              return null;
            });
    return task;
  }

  /** Whether the answer is complete: its last event came, the body ended, or the connection failed. */
  boolean finished() {
    return endNanos != 0;
  }

  /** Stops reading: the task ran past its timeout. */
  synchronized void abort(String why) {
    if (subscription != null) {
      subscription.cancel();
    }
    fail(why);
  }

  /** HTTP status as a synchronous call would have answered: 200, an {@code error} event's code, or 0 for none. */
  int status() {
    return status;
  }

  /** The {@code done} or {@code error} event's data, or the whole body of an answer that was not an event stream. */
  String body() {
    return body;
  }

  /** Why no answer came, or null when one did. */
  String error() {
    return error;
  }

  long latencyMs() {
    return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
  }

  /** Milliseconds since the task started, on the clock its latency is measured with. */
  long elapsedMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Time to first token in milliseconds, or null when no token came. */
  Long ttftMs() {
    long first = firstTokenNanos;
    return first == 0 ? null : TimeUnit.NANOSECONDS.toMillis(first - startNanos);
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(String line) {
    if (finished()) {
      return;
    }
    if (raw.length() < MAX_RAW_CHARS) {
      raw.append(line).append('\n');
    }
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith("event:")) {
      event = line.substring(6).strip();
    } else if (line.startsWith("data:")) {
      data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
    }
  }

  @Override
  public synchronized void onError(Throwable failure) {
    fail("no response: the event stream broke: " + rootMessage(failure));
  }

  @Override
  public synchronized void onComplete() {
    if (finished()) {
      return;
    }
    if (status == 200 && raw.toString().contains("event:")) {
      fail("no response: the event stream ended without a done or error event");
    } else {
      end(raw.toString().strip());
    }
  }

  private void dispatch() {
    long now = System.nanoTime();
    switch (event) {
      case "token" -> firstTokenNanos = firstTokenNanos == 0 ? now : firstTokenNanos;
      case "done" -> end(data.toString());
      case "error" -> {
        status = code(data.toString());
        end(data.toString());
      }
      default -> {} // reset and unknown events change nothing measured
    }
    event = "message";
    data.setLength(0);
  }

  private static int code(String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      return node == null ? 500 : node.path("code").asInt(500);
    } catch (Exception notJson) {
      return 500;
    }
  }

  private synchronized void end(String answer) {
    if (!finished()) {
      body = answer;
      endNanos = System.nanoTime();
    }
  }

  private synchronized void fail(String why) {
    if (!finished()) {
      status = 0;
      error = why;
      endNanos = System.nanoTime();
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
