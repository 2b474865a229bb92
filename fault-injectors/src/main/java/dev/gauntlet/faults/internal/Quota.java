package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Fault;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real requests-per-minute and tokens-per-minute quota, one sliding 60 s window per provider, counted from the
 * calls and tokens the load actually sends: a call is refused (429) when it would go over, and every call's answer
 * carries OpenAI's {@code x-ratelimit-*} headers. Refused calls do not count. Time comes from the caller, so a test
 * drives it with its own clock. Thread-safe.
 */
public final class Quota {

  private final long rpm;
  private final long tpm;
  private final Map<String, SlidingMinute> windows = new ConcurrentHashMap<>();

  public Quota(Fault.RateLimit limit) {
    this.rpm = limit.rpm();
    this.tpm = limit.tpm();
  }

  /** Counts a call to {@code provider} asking {@code promptTokens} at {@code nowMs}, unless it goes over. */
  public Decision admit(String provider, String model, long promptTokens, long nowMs) {
    SlidingMinute window = windows.computeIfAbsent(provider, p -> new SlidingMinute());
    synchronized (window) {
      boolean requestsOver = rpm > 0 && window.requests(nowMs) + 1 > rpm;
      boolean tokensOver = tpm > 0 && window.tokens(nowMs) + promptTokens > tpm;
      HttpAnswer refusal = null;
      if (requestsOver || tokensOver) {
        long waitMs =
            Math.max(
                requestsOver ? window.msUntilFits(nowMs, false, rpm, 1) : 0,
                tokensOver ? window.msUntilFits(nowMs, true, tpm, Math.min(promptTokens, tpm)) : 0);
        refusal =
            OpenAiErrors.quotaExceeded(
                model,
                requestsOver,
                requestsOver ? rpm : tpm,
                requestsOver ? window.requests(nowMs) : window.tokens(nowMs),
                requestsOver ? 1 : promptTokens,
                waitMs);
      } else {
        window.add(nowMs, 1, promptTokens);
      }
      return new Decision(null, headers(window, nowMs), refusal, window);
    }
  }

  private Map<String, String> headers(SlidingMinute window, long nowMs) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (rpm > 0) {
      headers.put("x-ratelimit-limit-requests", Long.toString(rpm));
      headers.put(
          "x-ratelimit-remaining-requests",
          Long.toString(Math.max(0, rpm - window.requests(nowMs))));
      headers.put("x-ratelimit-reset-requests", resetText(window.msUntilEmpty(nowMs, false)));
    }
    if (tpm > 0) {
      headers.put("x-ratelimit-limit-tokens", Long.toString(tpm));
      headers.put(
          "x-ratelimit-remaining-tokens", Long.toString(Math.max(0, tpm - window.tokens(nowMs))));
      headers.put("x-ratelimit-reset-tokens", resetText(window.msUntilEmpty(nowMs, true)));
    }
    return headers;
  }

  /** A duration as OpenAI writes its reset headers: {@code 120ms}, {@code 6.5s}, {@code 1m0s}. */
  static String resetText(long ms) {
    if (ms < 1000) {
      return ms + "ms";
    }
    long minutes = ms / 60_000;
    String seconds =
        new java.math.BigDecimal(ms % 60_000).movePointLeft(3).stripTrailingZeros().toPlainString();
    return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
  }

  /**
   * What a quota said about one call. Immutable apart from {@link #charge}, which adds to the shared window.
   *
   * @param fault   the name of the quota's fault, once known
   * @param headers the {@code x-ratelimit-*} headers of the answer
   * @param refusal the 429 to send, or null when the call is admitted
   */
  public record Decision(
      String fault, Map<String, String> headers, HttpAnswer refusal, SlidingMinute window) {

    public Decision {
      headers = Map.copyOf(new HashMap<>(headers));
    }

    Decision named(String name) {
      return new Decision(name, headers, refusal, window);
    }

    void charge(long completionTokens, long nowMs) {
      synchronized (window) {
        window.add(nowMs, 0, completionTokens);
      }
    }
  }
}
