package dev.gauntlet.faults.internal;

import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gauntlet.run.LedgerEntry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Completes ledger entries with WireMock's own timings once a response has been sent, then records them. A mock
 * hands the entry over with {@link #expect} while it builds the response. Thread-safe.
 */
public final class LedgerTimings implements ServeEventListener {

  private final String name;
  private final Ledger ledger;
  private final Map<UUID, Held> pending = new ConcurrentHashMap<>();

  /** An entry waiting for its answer to go out, with the monotonic time it was handed over. */
  private record Held(LedgerEntry entry, long atNanos) {}

  public LedgerTimings(String name, Ledger ledger) {
    this.name = name;
    this.ledger = ledger;
  }

  /** Holds {@code entry} until the response to serve event {@code id} has gone out. */
  public void expect(UUID id, LedgerEntry entry) {
    expect(id, entry, System.nanoTime());
  }

  /**
   * Holds {@code entry} as {@link #expect(UUID, LedgerEntry)} does; its {@code tsMs} was read at {@code stampedNanos}
   * on {@link System#nanoTime()}, which {@link #sent(UUID, long, long, long, Long, Long)} compares with the arrival.
   */
  public void expect(UUID id, LedgerEntry entry, long stampedNanos) {
    if (entry.taskId() == null
        || !entry.taskId().startsWith(WarmUp.TASK_PREFIX)) { // warm-up calls are not the run's
      pending.put(id, new Held(entry, stampedNanos));
    }
  }

  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    Held held = pending.remove(serveEvent.getId());
    if (held != null) {
      ledger.record(withTimes(held.entry(), serveEvent, System.currentTimeMillis()));
    }
  }

  /**
   * Records the entry held for {@code id} with the times its first and last byte went out, in milliseconds after
   * the request arrived (0 for a byte never sent), for servers that time their own writes.
   */
  public void sent(UUID id, long firstByteMs, long lastByteMs) {
    Held held = pending.remove(id);
    if (held != null) {
      ledger.record(held.entry().withByteTimes(firstByteMs, lastByteMs));
    }
  }

  /**
   * Records the entry held for {@code id} as {@link #sent(UUID, long, long)} does, with the times its delay and pace
   * made the first and last byte due ({@link LedgerEntry#pacedFirstMs()}; null where the server does not know them),
   * so that the ledger shows how late the server itself answered; and how long the request waited between its
   * arrival ({@code arrivedNanos}, on {@link System#nanoTime()}) and the moment its entry was made
   * ({@link LedgerEntry#queuedMs()}): the entry's {@code tsMs} is that moment, not the arrival.
   */
  public void sent(
      UUID id,
      long arrivedNanos,
      long firstByteMs,
      long lastByteMs,
      Long pacedFirstMs,
      Long pacedLastMs) {
    Held held = pending.remove(id);
    if (held != null) {
      long queued = Math.max(0, TimeUnit.NANOSECONDS.toMillis(held.atNanos() - arrivedNanos));
      ledger.record(
          held.entry()
              .withByteTimes(firstByteMs, lastByteMs, pacedFirstMs, pacedLastMs)
              .withQueued(queued));
    }
  }

  /** Records whatever is still pending without timings, for responses that never completed. */
  public void flush() {
    pending
        .keySet()
        .forEach(
            id -> {
              Held held = pending.remove(id);
              if (held != null) {
                ledger.record(held.entry());
              }
            });
  }

  /**
   * The entry with the times the mock actually sent its first and last byte, from the arrival of the request.
   * WireMock's own timing does not say: its processing time ends before any delay, and it reports the time spent
   * sending as 0. So the first byte is the processing time, plus the fixed delay slept before anything is written,
   * plus, for a dribbled body, the one interval slept before its first chunk; the last byte is the time measured
   * when the response has been written (never less than the first).
   */
  static LedgerEntry withTimes(LedgerEntry e, ServeEvent event, long nowMs) {
    Timing timing = event.getTiming();
    long process = timing == null || timing.getProcessTime() == null ? 0 : timing.getProcessTime();
    long delay = timing == null || timing.getAddedDelay() == null ? 0 : timing.getAddedDelay();
    ResponseDefinition definition = event.getResponseDefinition();
    ChunkedDribbleDelay dribble = definition == null ? null : definition.getChunkedDribbleDelay();
    long firstChunk =
        dribble == null ? 0 : dribble.getTotalDuration() / Math.max(1, dribble.getNumberOfChunks());
    long first = process + delay + firstChunk;
    long planned = process + delay + (dribble == null ? 0 : dribble.getTotalDuration());
    long measured =
        event.getRequest() == null || event.getRequest().getLoggedDate() == null
            ? planned
            : nowMs - event.getRequest().getLoggedDate().getTime();
    return e.withByteTimes(first, Math.max(first, measured));
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public String getName() {
    return name;
  }
}
