package dev.gauntlet.agent.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the tool catalog in the background, retrying until it succeeds or a deadline passes,
 * then warms the hot path up (see {@link Warmup}) before publishing it.
 * Thread-safe: one thread loads, any thread reads.
 */
public final class CatalogLoader {
  private static final Duration PAUSE = Duration.ofMillis(250);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final int WARMUP_ROUNDS = 2_000;

  private final ToolClient tools;
  private final Duration patience;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile ToolCatalog catalog;
  private volatile String lastError = "not tried yet";
  private volatile Thread thread;

  public CatalogLoader(ToolClient tools, Duration patience) {
    this.tools = tools;
    this.patience = patience;
  }

  /** Starts loading on a daemon thread. */
  public void start() {
    thread = new Thread(this::load, "gauntlet-agent-catalog");
    thread.setDaemon(true);
    thread.start();
  }

  public Optional<ToolCatalog> catalog() {
    return Optional.ofNullable(catalog);
  }

  public String lastError() {
    return lastError;
  }

  /** Waits until loading ended, either way; true when a catalog was loaded. */
  public boolean await(Duration timeout) throws InterruptedException {
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return catalog != null;
  }

  public void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  private void load() {
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (catalog == null && System.nanoTime() < deadline) {
        tryOnce();
        if (catalog == null) {
          Thread.sleep(PAUSE.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  private static void warmUp(ToolCatalog fetched) {
    try {
      Warmup.run(fetched, WARMUP_ROUNDS);
    } catch (RuntimeException e) {
      // only an optimisation: a failure here must not keep the agent from starting
    }
  }

  private void tryOnce() throws InterruptedException {
    try {
      ToolCatalog fetched = tools.fetchCatalog(ATTEMPT_TIMEOUT);
      warmUp(fetched);
      catalog = fetched;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      lastError =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }
}
