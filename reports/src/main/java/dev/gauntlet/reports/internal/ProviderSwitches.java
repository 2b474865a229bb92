package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.reports.metrics.SteadyState;
import dev.gauntlet.run.LedgerEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each fault window, the first LLM call while it was on to a provider the agent had not called in the steady
 * span before it (the {@link SteadyState#LOOKBACK_MS} before the window, outside every window): the moment the agent
 * switched to a fallback. Fed one ledger entry at a time, in any order. Not thread-safe.
 */
final class ProviderSwitches {

  private final List<FaultWindow> windows;
  private final List<Set<String>> steady;
  private final List<Map<String, Long>> firstDuring;

  ProviderSwitches(List<FaultWindow> windows) {
    this.windows = windows;
    this.steady = windows.stream().map(w -> (Set<String>) new HashSet<String>()).toList();
    this.firstDuring =
        windows.stream().map(w -> (Map<String, Long>) new HashMap<String, Long>()).toList();
  }

  void add(LedgerEntry entry) {
    if (!LedgerEntry.LLM.equals(entry.kind()) || entry.provider() == null) {
      return;
    }
    boolean inAny = FaultWindows.anyContains(windows, entry.tsMs());
    for (int i = 0; i < windows.size(); i++) {
      FaultWindow window = windows.get(i);
      if (window.contains(entry.tsMs())) {
        firstDuring.get(i).merge(entry.provider(), entry.tsMs(), Math::min);
      } else if (!inAny
          && entry.tsMs() < window.startMs()
          && entry.tsMs() >= window.startMs() - SteadyState.LOOKBACK_MS) {
        steady.get(i).add(entry.provider());
      }
    }
  }

  /**
   * When window {@code index} (of the windows given, in their order) first saw a call to a provider unused before
   * it; {@link Long#MAX_VALUE} when none, or when no provider was called before it (nothing to switch from).
   */
  long firstSwitchMs(int index) {
    Set<String> before = steady.get(index);
    if (before.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return firstDuring.get(index).entrySet().stream()
        .filter(e -> !before.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .min()
        .orElse(Long.MAX_VALUE);
  }
}
