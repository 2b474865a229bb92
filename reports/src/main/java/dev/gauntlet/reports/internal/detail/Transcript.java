package dev.gauntlet.reports.internal.detail;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.util.List;

/**
 * One of the worst tasks of a run, with what the fault plane saw of it. Everything in it came from the agent or
 * the run directory and is untrusted text: escape it wherever it is shown. Immutable and thread-safe.
 *
 * @param kind   why it is among the worst
 * @param task   the task record
 * @param item   the dataset item it came from, null when unknown
 * @param alike  tasks of the run that share its kind and, for failures, its error (itself included)
 * @param calls  the LLM and tool calls the ledger holds for it, in arrival order (at most {@link #MAX_CALLS})
 */
public record Transcript(
    Kind kind, TaskRecord task, Item item, long alike, List<LedgerEntry> calls) {

  /** The most calls kept per task; a runaway loop makes hundreds. */
  public static final int MAX_CALLS = 40;

  public Transcript {
    calls = List.copyOf(calls);
  }

  /** Why a task is among the worst, worst first. */
  public enum Kind {
    /** It returned no answer (an error, a timeout, a non-2xx status). */
    FAILED("failed"),
    /** It answered, but the answer did not meet the item's expectation. */
    WRONG("wrong answer"),
    /** It answered, among the slowest. */
    SLOW("slow");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The same task with {@code ledgerCalls} as its calls (the first {@link #MAX_CALLS}). */
  Transcript withCalls(List<LedgerEntry> ledgerCalls) {
    return new Transcript(
        kind, task, item, alike, ledgerCalls.subList(0, Math.min(MAX_CALLS, ledgerCalls.size())));
  }
}
