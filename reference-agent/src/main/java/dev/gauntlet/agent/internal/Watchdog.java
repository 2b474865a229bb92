package dev.gauntlet.agent.internal;

import dev.gauntlet.agent.WatchdogConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches a self-hosted model server, as an orchestrator's liveness probe would, and restarts it before it runs out of
 * GPU memory. Every interval it reads {@code /metrics} ({@link GpuMemoryShare}); at or above the threshold, or after
 * {@value WatchdogConfig#FAILED_POLLS} polls in a row that got no usable answer in time (a hung or crashed server),
 * it posts {@code /gauntlet/restart} and reports the primary as {@linkplain #primaryDown() down} until
 * {@code /health} answers 200. While it waits, a server that stops answering {@code /health} too is asked for
 * another restart after the same number of failed polls. All polling happens on one thread of its own; the state is
 * read by every task. Thread-safe.
 */
public final class Watchdog implements AutoCloseable {

  private final WatchdogConfig config;
  private final HttpClient http;
  private final PrintStream log;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile boolean down;
  private boolean restartAccepted;
  private int failures;
  private long downSinceMs;
  private boolean warnedNoMetric;

  public Watchdog(WatchdogConfig config, PrintStream log, Clock clock) {
    this.config = config;
    this.log = log;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.pollTimeout())
            .build();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "gauntlet-agent-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts polling, the first poll one interval from now. */
  public Watchdog start() {
    long every = config.interval().toMillis();
    timer.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
    log.println(
        "watchdog: watching "
            + config.serverUrl()
            + " every "
            + every
            + " ms, restart at "
            + percent(config.threshold())
            + " of GPU memory or after "
            + WatchdogConfig.FAILED_POLLS
            + " failed polls");
    return this;
  }

  /** Whether the server is being restarted, so that LLM calls should go to the fallback provider. */
  public boolean primaryDown() {
    return down;
  }

  /** Restarts requested so far. */
  public int restarts() {
    return restarts.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // A bug here must not end the schedule: the next tick tries again.
      log.println("watchdog: poll failed unexpectedly: " + e);
    }
  }

  /** One poll: of {@code /metrics} while the server is up, of {@code /health} while it restarts. */
  void tick() {
    if (!down) {
      watch();
    } else if (!restartAccepted) {
      restart("the last restart request was not answered");
    } else {
      awaitReady();
    }
  }

  private void watch() {
    OptionalDouble share;
    try {
      HttpResponse<String> metrics = get("/metrics");
      if (metrics.statusCode() != 200) {
        failed("/metrics answered " + metrics.statusCode());
        return;
      }
      share = GpuMemoryShare.of(PrometheusText.parse(metrics.body()));
    } catch (IOException | PrometheusText.FormatException e) {
      failed("/metrics " + describe(e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    failures = 0;
    if (share.isEmpty()) {
      warnOnce();
    } else if (share.getAsDouble() >= config.threshold()) {
      restart(
          "GPU memory at "
              + percent(share.getAsDouble())
              + ", at or above the threshold of "
              + percent(config.threshold()));
    }
  }

  private void failed(String why) {
    failures++;
    if (failures >= WatchdogConfig.FAILED_POLLS) {
      restart(failures + " polls in a row failed, the last: " + why);
    }
  }

  private void restart(String why) {
    if (!down) {
      downSinceMs = clock.millis();
    }
    down = true;
    failures = 0;
    restarts.incrementAndGet();
    log.println(
        "watchdog: restarting "
            + config.serverUrl()
            + " ("
            + why
            + "); LLM calls go to the fallback");
    try {
      HttpResponse<String> answer =
          http.send(
              request("/gauntlet/restart").POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      restartAccepted = answer.statusCode() / 100 == 2;
      if (!restartAccepted) {
        log.println(
            "watchdog: the restart request was answered " + answer.statusCode() + "; trying again");
      }
    } catch (IOException e) {
      restartAccepted = false;
      log.println("watchdog: the restart request " + describe(e) + "; trying again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    int status;
    try {
      status = get("/health").statusCode();
    } catch (IOException e) {
      failures++;
      if (failures >= WatchdogConfig.FAILED_POLLS) {
        restart(
            failures
                + " health polls in a row failed while it started, the last: /health "
                + describe(e));
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    failures = 0;
    if (status == 200) {
      down = false;
      log.println(
          "watchdog: "
              + config.serverUrl()
              + " ready again after "
              + String.format(Locale.ROOT, "%.1f", (clock.millis() - downSinceMs) / 1000.0)
              + " s; LLM calls go to it");
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(config.serverUrl() + path))
        .timeout(config.pollTimeout());
  }

  private void warnOnce() {
    if (!warnedNoMetric) {
      warnedNoMetric = true;
      log.println(
          "watchdog: "
              + config.serverUrl()
              + "/metrics has none of "
              + GpuMemoryShare.USED
              + " with "
              + GpuMemoryShare.FREE
              + ", or "
              + GpuMemoryShare.KV_CACHE
              + "; it can only notice a hung server");
    }
  }

  private String describe(Exception e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "got no answer within " + config.pollTimeout().toMillis() + " ms";
    }
    return e instanceof PrometheusText.FormatException
        ? "was not in the Prometheus text format (" + e.getMessage() + ")"
        : "failed: " + e;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
