package dev.gauntlet.engine.internal;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.reports.scoring.AgentAnswer;
import dev.gauntlet.reports.scoring.ScorerRegistry;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the progress line needs besides the task records: a scorer for answers, and which faults are on, read from
 * the run's timeline.jsonl (a few lines) each time the line is drawn, so manual switches through the admin API show
 * too. Thread-safe (immutable; the timeline is read fresh each call).
 */
final class ProgressSources {

  private final Map<String, Item> items;
  private final ScorerRegistry scorers = ScorerRegistry.standard();
  private final RunDirectory run;

  private ProgressSources(Map<String, Item> items, RunDirectory run) {
    this.items = items;
    this.run = run;
  }

  /** Neither scoring nor faults. */
  static ProgressSources none() {
    return new ProgressSources(Map.of(), null);
  }

  /** Scores against {@code dataset} and reads the faults of {@code run}. */
  static ProgressSources of(Dataset dataset, RunDirectory run) {
    return new ProgressSources(
        dataset.items().stream().collect(Collectors.toUnmodifiableMap(Item::id, item -> item)),
        run);
  }

  /** Whether answers are scored at all. */
  boolean scores() {
    return !items.isEmpty();
  }

  /**
   * Whether a successful {@code record}'s answer is right; null when it cannot be scored, or only by an LLM judge,
   * which the live line does not call (the verdict does).
   */
  Boolean score(TaskRecord record) {
    Item item = items.get(record.itemId());
    if (item == null || item.expected() instanceof Expectation.LlmJudge) {
      return null;
    }
    return scorers.score(item.expected(), AgentAnswer.of(record, item.input())).verdict();
  }

  /** The faults switched on and not yet off, in the order they were switched on. */
  List<String> activeFaults() {
    if (run == null) {
      return List.of();
    }
    List<TimelineEvent> events;
    try {
      events = new ArrayList<>(JsonLines.readAll(run.timeline(), TimelineEvent.class));
    } catch (UncheckedIOException | IllegalArgumentException unreadable) {
      return List.of(); // being appended to right now; the next tick reads it whole
    }
    events.sort(Comparator.comparingLong(TimelineEvent::tsMs));
    Set<String> on = new LinkedHashSet<>();
    for (TimelineEvent event : events) {
      if (TimelineEvent.ON.equals(event.action())) {
        on.add(event.fault());
      } else if (TimelineEvent.OFF.equals(event.action())) {
        on.remove(event.fault()); // a self-hosted server's oom, restart, … leave its leak on
      }
    }
    return List.copyOf(on);
  }
}
