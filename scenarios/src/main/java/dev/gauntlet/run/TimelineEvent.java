package dev.gauntlet.run;

/**
 * A fault switched on or off, written to {@code timeline.jsonl} at the moment it happened.
 *
 * @param tsMs     epoch milliseconds
 * @param fault    the fault's name in the scenario
 * @param kind     the fault's kind ({@code outage}, {@code rate_limit}, …)
 * @param action   {@code on} or {@code off}
 * @param provider provider it targets, null for all
 */
public record TimelineEvent(long tsMs, String fault, String kind, String action, String provider) {

  public static final String ON = "on";
  public static final String OFF = "off";
}
