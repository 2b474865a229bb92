package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * A fault's own attributes. Each kind is a small record; the shared fields live in {@link FaultSpec}.
 */
public sealed interface Fault permits Fault.Outage, Fault.RateLimit {

  /** The scenario's {@code kind:} for this fault. */
  String kind();

  /** The provider answers every call with an HTTP error status (500, 502, 503 or 529). */
  record Outage(int status) implements Fault {
    @Override
    public String kind() {
      return "outage";
    }
  }

  /** The provider answers 429 with {@code Retry-After} and rate-limit headers. */
  record RateLimit(Duration retryAfter) implements Fault {
    @Override
    public String kind() {
      return "rate_limit";
    }
  }
}
