package dev.gauntlet.faults.internal;

import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gauntlet.run.LedgerEntry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completes ledger entries with WireMock's own timings once a response has been sent, then records them. A mock
 * hands the entry over with {@link #expect} while it builds the response. Thread-safe.
 */
public final class LedgerTimings implements ServeEventListener {

  private final String name;
  private final Ledger ledger;
  private final Map<UUID, LedgerEntry> pending = new ConcurrentHashMap<>();

  public LedgerTimings(String name, Ledger ledger) {
    this.name = name;
    this.ledger = ledger;
  }

  /** Holds {@code entry} until the response to serve event {@code id} has gone out. */
  public void expect(UUID id, LedgerEntry entry) {
    pending.put(id, entry);
  }

  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    LedgerEntry entry = pending.remove(serveEvent.getId());
    if (entry != null) {
      ledger.record(withTimes(entry, serveEvent.getTiming()));
    }
  }

  /** Records whatever is still pending without timings, for responses that never completed. */
  public void flush() {
    pending.keySet().forEach(id -> {
      LedgerEntry entry = pending.remove(id);
      if (entry != null) {
        ledger.record(entry);
      }
    });
  }

  private static LedgerEntry withTimes(LedgerEntry e, Timing timing) {
    long first = timing == null || timing.getProcessTime() == null ? 0 : timing.getProcessTime();
    long last = timing == null || timing.getTotalTime() == null ? first : timing.getTotalTime();
    return new LedgerEntry(e.tsMs(), e.kind(), e.provider(), e.model(), e.tool(), e.taskId(), e.itemId(),
        e.callIndex(), e.status(), e.inputTokens(), e.outputTokens(), e.costUsd(), e.fault(), e.hallucinated(),
        first, Math.max(first, last));
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
