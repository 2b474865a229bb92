package dev.gauntlet.run;

import java.util.OptionalLong;

/**
 * A fault switched on or off, or something a simulated self-hosted model server did, written to
 * {@code timeline.jsonl} at the moment it happened.
 *
 * @param tsMs     epoch milliseconds
 * @param fault    the fault's name in the scenario
 * @param kind     the fault's kind ({@code outage}, {@code rate_limit}, …)
 * @param action   {@code on} or {@code off}; for a self-hosted server (kind {@code gpu_leak}) {@code oom} (the first
 *                 out-of-memory answer since it was last started), {@code crash}, {@code restart} (asked for) or
 *                 {@code ready} (its cold start is over)
 * @param provider provider it targets, null for all
 * @param scheduledMs for a switch the schedule made, epoch milliseconds when the schedule wanted it ({@code tsMs} is
 *                 when it was applied, after the injector had switched); null for switches by hand, at shutdown,
 *                 server events and timelines written before it was recorded
 */
public record TimelineEvent(
    long tsMs, String fault, String kind, String action, String provider, Long scheduledMs) {

  /** An event without a scheduled time. */
  public TimelineEvent(long tsMs, String fault, String kind, String action, String provider) {
    this(tsMs, fault, kind, action, provider, null);
  }

  /** How much later than scheduled the switch was applied, in milliseconds; empty when it was not scheduled. */
  public OptionalLong lagMs() {
    return scheduledMs == null ? OptionalLong.empty() : OptionalLong.of(tsMs - scheduledMs);
  }

  public static final String ON = "on";
  public static final String OFF = "off";
  public static final String OOM = "oom";
  public static final String CRASH = "crash";
  public static final String RESTART = "restart";
  public static final String READY = "ready";
}
