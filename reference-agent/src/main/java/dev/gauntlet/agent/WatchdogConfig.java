package dev.gauntlet.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The watchdog of a self-hosted model server (resilient mode only): it polls the server's {@code /metrics}, and when
 * GPU memory reaches {@code threshold} of capacity, or three polls in a row fail (the server hangs or is gone), it
 * asks the server's orchestrator hook {@code POST /gauntlet/restart} for a restart and sends LLM calls to the fallback
 * provider until {@code /health} answers 200 again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serverUrl the server's root, serving {@code /metrics}, {@code /health} and {@code /gauntlet/restart}
 *                  ({@code AGENT_WATCHDOG_URL})
 * @param threshold share of GPU memory in use at which it restarts the server, in (0, 1]
 *                  ({@code AGENT_WATCHDOG_THRESHOLD})
 * @param interval  time between two polls ({@code AGENT_WATCHDOG_INTERVAL}); each poll also times out after it
 */
public record WatchdogConfig(URI serverUrl, double threshold, Duration interval) {

  /** Failed polls in a row after which the server counts as crashed. */
  public static final int FAILED_POLLS = 3;

  public WatchdogConfig {
    Objects.requireNonNull(serverUrl, "serverUrl");
    Objects.requireNonNull(interval, "interval");
    EnvReader.check(
        threshold > 0 && threshold <= 1, "threshold must be in (0, 1], but was " + threshold);
    EnvReader.check(
        interval.toMillis() >= 10, "interval must be at least 10 ms, but was " + interval);
  }

  /** How long one poll may take: the interval, but never more than 2 s, so a hang is noticed quickly. */
  public Duration pollTimeout() {
    Duration cap = Duration.ofSeconds(2);
    return interval.compareTo(cap) > 0 ? cap : interval;
  }

  static Optional<WatchdogConfig> fromEnvironment(EnvReader in) {
    return in.optionalUrl("AGENT_WATCHDOG_URL")
        .map(
            url ->
                new WatchdogConfig(
                    URI.create(url),
                    in.number("AGENT_WATCHDOG_THRESHOLD", 0.9, 0, 1),
                    in.duration(
                        "AGENT_WATCHDOG_INTERVAL",
                        Duration.ofSeconds(1),
                        Duration.ofMillis(10),
                        Duration.ofMinutes(1))));
  }
}
