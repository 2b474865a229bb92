package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.Pace;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.Seeds;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A provider call whose answer comes from elsewhere (a real provider, a recorded exchange), as
 * {@link ProviderCalls#relay} numbered and decided it exactly as it would a scripted call: refused by a quota,
 * answered by a fault, or relayed, its answer rewritten by the turn fault that hit it ({@link #rewrite}) and paced
 * by the latency fault that hit it. One of {@link #failure}, {@link #served}, {@link #unread} or {@link #failed}
 * hands its ledger entry over, once. Immutable apart from that hand-over.
 */
public final class RelayedCall {

  /** What the ledger says of a call a turn fault hit but whose answer could not be read to rewrite it. */
  static final String NOT_APPLIED = " (not applied: the upstream's answer could not be read)";

  private final ProviderCalls calls;
  private final ProviderCalls.Decided decided;
  private final ProviderCall.Key key;
  private final Optional<ActiveFaults.Active> hit;
  private final Ask ask;
  private final UUID eventId;

  RelayedCall(ProviderCalls calls, ProviderCalls.Decided decided, Ask ask, UUID eventId) {
    this.calls = calls;
    this.decided = decided;
    this.key = decided.key();
    this.hit = decided.hit();
    this.ask = ask;
    this.eventId = eventId;
  }

  /** As {@link ProviderCall#failure}: the quota's or the answer fault's answer, recorded; empty to forward. */
  public Optional<HttpAnswer> failure(
      UnaryOperator<HttpAnswer> refusal, Function<ActiveFaults.Active, HttpAnswer> fault) {
    ProviderCall.Outcome outcome =
        hit.filter(h -> h.turn().isEmpty())
            .map(ProviderCall.Outcome::fault)
            .orElse(ProviderCall.Outcome.NONE);
    return call(outcome).failure(refusal, fault);
  }

  /** Whether a turn fault hit this call, so that its answer must be read to be rewritten. */
  public boolean rewrites() {
    return ask != null && hit.flatMap(ActiveFaults.Active::turn).isPresent();
  }

  /**
   * The turn to serve instead of {@code upstream}'s reply, made by the turn fault that hit this call from the same
   * seeded draws as for a scripted call; empty when none hit or it leaves this turn alone.
   */
  public Optional<Turn> rewrite(Reply upstream) {
    if (!rewrites()) {
      return Optional.empty();
    }
    ActiveFaults.Active h = hit.get();
    return h.turn()
        .orElseThrow()
        .apply(
            new ChatCall(
                ask,
                decided.item().orElse(null),
                upstream,
                key.index(),
                Seeds.generator(calls.seed(), h.spec().name(), key.taskKey(), key.index())));
  }

  /**
   * Records the call as answered, with {@code rewritten} (from {@link #rewrite}) or with the upstream's own reply,
   * and returns {@code answer} paced as the latency fault that hit the call drew it.
   */
  public ResponseDefinition served(
      Optional<Turn> rewritten,
      ResponseDefinition answer,
      long inputTokens,
      long outputTokens,
      boolean stream) {
    ProviderCall call =
        call(
            rewritten
                .map(t -> ProviderCall.Outcome.turn(t, hit.orElseThrow().spec().name()))
                .orElse(ProviderCall.Outcome.NONE));
    call.served(inputTokens, outputTokens);
    return call.paced(answer, outputTokens, stream);
  }

  /**
   * Records a successful answer relayed as it came because it could not be read (saying so when a turn fault was
   * meant to rewrite it), and returns it paced.
   */
  public ResponseDefinition unread(
      ResponseDefinition answer, int status, long inputTokens, long outputTokens, boolean stream) {
    String fault =
        rewrites()
            ? hit.get().spec().name() + NOT_APPLIED
            : decided.pace().map(Pace::fault).orElse(null);
    record(status, inputTokens, outputTokens, fault);
    return call(ProviderCall.Outcome.NONE).paced(answer, outputTokens, stream);
  }

  /** Records an error answer relayed as it came (the upstream's, or one standing for an upstream out of reach). */
  public void failed(int status) {
    record(status, 0, 0, null);
  }

  private void record(int status, long in, long out, String fault) {
    decided.quota().charge(out, key.arrived());
    double cost = calls.price(key.model()).map(p -> p.cost(in, out)).orElse(0.0);
    String itemId = decided.item().map(Item::id).orElse(null);
    calls.record(
        eventId,
        new LedgerEntry(
            key.arrived(),
            LedgerEntry.LLM,
            key.provider(),
            key.model(),
            null,
            key.taskId(),
            itemId,
            key.index(),
            status,
            in,
            out,
            cost,
            fault,
            false,
            0,
            0),
        key.stampedNanos());
  }

  private ProviderCall call(ProviderCall.Outcome outcome) {
    return calls.call(decided, outcome, eventId);
  }

  /** The quotas' {@code x-ratelimit-*} headers, for every answer to this call. */
  public Map<String, String> quotaHeaders() {
    return decided.quota().headers();
  }

  /** The seeded request id, {@code req_…}. */
  public String requestId() {
    return key.requestId();
  }
}
