package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Price;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One provider call in flight, as {@link ProviderCalls#begin} numbered and decided it; {@link #failed} or
 * {@link #served} hands its ledger entry over once the outcome is known. Immutable apart from that hand-over, which
 * happens once.
 */
public final class ProviderCall {

  /** Who made the call and how it is known. */
  record Key(long arrived, String provider, String model, String taskId, String taskKey, int index,
      String requestId) {}

  private final Key key;
  private final Optional<Item> item;
  private final Optional<ActiveFaults.Active> fault;
  private final Price price;
  private final Consumer<LedgerEntry> ledger;
  private final Clock clock;

  ProviderCall(Key key, Optional<Item> item, Optional<ActiveFaults.Active> fault, Price price,
      Consumer<LedgerEntry> ledger, Clock clock) {
    this.key = key;
    this.item = item;
    this.fault = fault;
    this.price = price;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The dataset item the conversation matched, if any. */
  public Optional<Item> item() {
    return item;
  }

  /** The fault that hits this call, if one does. */
  public Optional<ActiveFaults.Active> fault() {
    return fault;
  }

  /** The seeded request id, {@code req_…}. */
  public String requestId() {
    return key.requestId();
  }

  /** The model asked for (or the provider's default). */
  public String model() {
    return key.model();
  }

  /** When the call arrived, epoch milliseconds. */
  public long arrived() {
    return key.arrived();
  }

  /** Milliseconds since the call arrived, for {@code openai-processing-ms}. */
  public long elapsedMs() {
    return Math.max(0, clock.millis() - key.arrived());
  }

  /** Records the call as answered with {@code status} because of {@code faultName}. */
  public void failed(int status, String faultName) {
    ledger.accept(entry(status, 0, 0, 0, faultName));
  }

  /** Records the call as answered normally, with its tokens and their cost. */
  public void served(long inputTokens, long outputTokens) {
    double cost = price == null ? 0 : price.cost(inputTokens, outputTokens);
    ledger.accept(entry(200, inputTokens, outputTokens, cost, null));
  }

  private LedgerEntry entry(int status, long in, long out, double cost, String faultName) {
    return new LedgerEntry(key.arrived(), LedgerEntry.LLM, key.provider(), key.model(), null, key.taskId(),
        item.map(Item::id).orElse(null), key.index(), status, in, out, cost, faultName, false, 0, 0);
  }
}
