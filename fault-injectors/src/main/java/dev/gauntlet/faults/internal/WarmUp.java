package dev.gauntlet.faults.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.WarmUpResult;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.TaskCorrelation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends representative calls through the real loopback sockets to the provider and tool mocks before a run's clock
 * starts, so that their class loading, JIT and thread pools are done before the first task: an answer from a cold
 * mock takes tens to hundreds of milliseconds, a warm one a millisecond or two. Each call carries a task id of its
 * own starting with {@link #TASK_PREFIX}, which the ledger drops ({@link LedgerTimings}), and every seeded draw of
 * the fault plane is keyed by task id and call index, so the warm-up changes no draw of a real task. It is meant to
 * run while every fault is off, so that no quota counts it. Not thread-safe; one use.
 */
public final class WarmUp {

  /** Calls in flight at once: enough to reach more than one of the servers' threads. */
  private static final int CONCURRENCY = 4;

  /** Task ids of warm-up calls start with this; their ledger entries are never written. */
  public static final String TASK_PREFIX = "gauntlet-warmup-";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<Function<String, HttpRequest>> calls = new ArrayList<>();

  /**
   * A warm-up of the scripted providers at {@code openAiBases} (each an OpenAI base URL ending in {@code /v1}, with
   * the model to ask for) and of the tool mock at {@code toolsBase} (null for none), asking with the first
   * {@code items} items of {@code dataset}.
   */
  public WarmUp(
      List<URI> openAiBases, List<String> models, URI toolsBase, Dataset dataset, int items) {
    List<Item> asked = dataset.items().subList(0, Math.min(items, dataset.items().size()));
    for (int p = 0; p < openAiBases.size(); p++) {
      URI base = openAiBases.get(p);
      String model = models.get(p);
      for (Item item : asked) {
        for (boolean stream : new boolean[] {false, true}) {
          calls.add(
              id ->
                  post(
                      URI.create(base + "/chat/completions"),
                      chat(model, item.input(), stream),
                      id,
                      false));
          calls.add(
              id ->
                  post(
                      URI.create(base + "/messages"),
                      messages(model, item.input(), stream),
                      id,
                      true));
        }
      }
    }
    if (toolsBase != null) {
      for (Item item : asked) {
        for (Fixture fixture : item.fixtures()) {
          calls.add(
              id ->
                  post(
                      URI.create(toolsBase + "/tools/" + fixture.tool()),
                      fixture.arguments() == null ? "{}" : fixture.arguments().toString(),
                      id,
                      false));
        }
      }
    }
  }

  /**
   * Sends every call of the warm-up, round after round, until {@code rounds} rounds or {@code budget} have passed,
   * whichever is first (at least one round).
   */
  public WarmUpResult run(int rounds, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    int sent = 0;
    AtomicInteger failed = new AtomicInteger();
    long[] last = new long[0];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            r -> {
              Thread t = new Thread(r, "gauntlet-warm-up");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int r = 0; r < rounds && (r == 0 || System.nanoTime() < deadline); r++) {
        last = round(pool, failed);
        sent += last.length;
      }
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(last);
    return new WarmUpResult(
        sent,
        failed.get(),
        Duration.ofNanos(last.length == 0 ? 0 : last[last.length / 2]),
        Duration.ofNanos(last.length == 0 ? 0 : last[last.length - 1]));
  }

  /** One call of each kind, {@link #CONCURRENCY} at a time; the client-side time of each, in nanoseconds. */
  private long[] round(ExecutorService pool, AtomicInteger failed) {
    long[] took = new long[calls.size()];
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      int index = i;
      done.add(
          pool.submit(
              () -> {
                long start = System.nanoTime();
                if (!send(calls.get(index).apply(TASK_PREFIX + ids.getAndIncrement()))) {
                  failed.incrementAndGet();
                }
                took[index] = System.nanoTime() - start;
              }));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        failed.incrementAndGet();
      }
    }
    return took;
  }

  private boolean send(HttpRequest request) {
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() > 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static HttpRequest post(URI uri, String json, String taskId, boolean anthropic) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("content-type", "application/json")
            .header(TaskCorrelation.TASK_HEADER, taskId)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (anthropic) {
      request.header("anthropic-version", "2023-06-01").header("x-api-key", "warm-up");
    }
    return request.build();
  }

  private static String chat(String model, String input, boolean stream) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("stream", stream);
    user(body.putArray("messages"), input);
    return body.toString();
  }

  private static String messages(String model, String input, boolean stream) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("model", model)
            .put("max_tokens", 256)
            .put("stream", stream);
    user(body.putArray("messages"), input);
    return body.toString();
  }

  private static void user(ArrayNode messages, String input) {
    messages.addObject().put("role", "user").put("content", input);
  }
}
