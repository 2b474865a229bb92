package dev.gauntlet.reports.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * pass^k and pass@k over repeated trials of the same dataset items, streaming: one small entry per item, none per
 * task. Only trials {@code 0 … k−1} count; an item counts once all k were recorded and scored. A trial passes when the
 * task succeeded and its answer was right; a failed task is a failed trial; a successful task that could not be
 * scored makes its item unscorable. Not thread-safe.
 */
public final class PassK {

  /** Most trials per item that can be tracked. */
  public static final int MAX_K = 64;

  private final int k;
  private final long all;
  private final Map<String, Trials> items = new HashMap<>();

  /** Tracks {@code k} trials per item, {@code 1 ≤ k ≤ 64}. */
  public PassK(int k) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], but was " + k);
    }
    this.k = k;
    this.all = k == 64 ? -1L : (1L << k) - 1;
  }

  /**
   * Adds one trial.
   *
   * @param passed whether it passed; null when it succeeded but could not be scored
   */
  public void add(String itemId, int trial, Boolean passed) {
    if (itemId == null || trial < 0 || trial >= k) {
      return;
    }
    Trials t = items.computeIfAbsent(itemId, id -> new Trials());
    long bit = 1L << trial;
    t.seen |= bit;
    if (passed == null) {
      t.unscored = true;
    } else if (passed) {
      t.passed |= bit;
    }
  }

  public int k() {
    return k;
  }

  /** Items with all k trials recorded and scored. */
  public long items() {
    return items.values().stream().filter(this::complete).count();
  }

  /** Share of the complete items whose k trials all passed; null without complete items. */
  public Double passHatK() {
    return share(t -> t.passed == all);
  }

  /** Share of the complete items with at least one passing trial; null without complete items. */
  public Double passAtK() {
    return share(t -> t.passed != 0);
  }

  private Double share(java.util.function.Predicate<Trials> passing) {
    long complete = 0;
    long pass = 0;
    for (Trials t : items.values()) {
      if (complete(t)) {
        complete++;
        pass += passing.test(t) ? 1 : 0;
      }
    }
    return complete == 0 ? null : (double) pass / complete;
  }

  private boolean complete(Trials t) {
    return t.seen == all && !t.unscored;
  }

  private static final class Trials {
    long seen;
    long passed;
    boolean unscored;
  }
}
