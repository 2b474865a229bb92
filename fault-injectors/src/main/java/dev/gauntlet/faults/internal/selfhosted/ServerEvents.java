package dev.gauntlet.faults.internal.selfhosted;

/**
 * Where a self-hosted server's life goes: {@code oom}, {@code crash}, {@code restart} and {@code ready} lines of the
 * run's timeline. Implementations must be thread-safe.
 */
@FunctionalInterface
interface ServerEvents {

  /** {@code by} of what the server does by itself (an OOM, a crash, the end of a cold start). */
  String SERVER = "server";

  /** {@code by} of a restart asked for on the server's own {@code POST /gauntlet/restart}. */
  String HTTP = "http";

  /** Records that {@code action} happened at {@code tsMs}, caused by {@code by}. */
  void event(String action, long tsMs, String by);
}
