package dev.gauntlet.faults.admin;

/**
 * A self-hosted provider's server restarted by hand. Immutable and thread-safe.
 *
 * @param provider    the provider whose server restarts
 * @param coldStartMs how long until it answers again
 */
public record ServerRestart(String provider, long coldStartMs) {}
