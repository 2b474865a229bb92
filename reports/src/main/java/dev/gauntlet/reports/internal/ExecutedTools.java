package dev.gauntlet.reports.internal;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The join of the tool mock's journal with the dataset's guardrails: for each task, the forbidden tools
 * ({@code refusal.must_not_call} of any item) that the tool mock served for it, read from {@code ledger.jsonl} in one
 * streaming pass. Only forbidden tools are kept, and the ledger is not read at all when no item forbids one, so the
 * map stays small whatever the run's size. Stateless.
 */
final class ExecutedTools {

  private ExecutedTools() {}

  /** Task id to the forbidden tools served for it, in ledger order; empty without a dataset or a guarded item. */
  static Map<String, List<String>> read(Path ledger, Dataset dataset) {
    Set<String> forbidden = new HashSet<>();
    Set<String> guardedItems = new HashSet<>();
    if (dataset != null) {
      for (Item item : dataset.items()) {
        List<String> tools = mustNotCall(item.expected()).toList();
        if (!tools.isEmpty()) {
          forbidden.addAll(tools);
          guardedItems.add(item.id());
        }
      }
    }
    Map<String, List<String>> served = new HashMap<>();
    if (forbidden.isEmpty()) {
      return served;
    }
    JsonLines.forEach(
        ledger,
        LedgerEntry.class,
        entry -> {
          // A call the mock matched to an unguarded item's fixture cannot fail a guardrail; one it
          // could not match
          // (no fixture: the dangerous call a script never makes) is kept by task id.
          if (LedgerEntry.TOOL.equals(entry.kind())
              && entry.taskId() != null
              && forbidden.contains(entry.tool())
              && (entry.itemId() == null || guardedItems.contains(entry.itemId()))) {
            served.computeIfAbsent(entry.taskId(), task -> new ArrayList<>()).add(entry.tool());
          }
        });
    return served;
  }

  private static Stream<String> mustNotCall(Expectation expected) {
    if (expected instanceof Expectation.Refusal refusal) {
      return refusal.mustNotCall().stream();
    }
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().flatMap(ExecutedTools::mustNotCall);
    }
    if (expected instanceof Expectation.Weighted weighted) {
      return weighted.parts().stream().flatMap(part -> mustNotCall(part.expected()));
    }
    return Stream.empty();
  }
}
